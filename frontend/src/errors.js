import { describeError } from './api';
import messages from './messages';

/** The translated sentence for a failed call: every error is a message, never a blank widget. */
export default function errorText(intl, error) {
  const { status, code, detail } = describeError(error);
  if (status === 0) { return intl.formatMessage(messages.networkDown); }
  if (status === 401) { return intl.formatMessage(messages.signedOut); }
  if (status === 403) {
    return intl.formatMessage(code === 'not_completed' ? messages.notCompleted : messages.forbidden);
  }
  if (status === 404) { return intl.formatMessage(messages.notFound); }
  if (status === 409) {
    return intl.formatMessage(code === 'nothing_assigned' ? messages.nothingAssigned : messages.conflict);
  }
  if (status === 400) { return intl.formatMessage(messages.refused, { detail }); }
  return intl.formatMessage(messages.unexpected, { status });
}
