/**
 * The widgets' own translations. A plugin's messages are not in the host MFE's catalogue, so the
 * widgets wrap themselves in an IntlProvider for the MFE's current locale with ours (Spanish
 * shipped; English is the default message). Only react-intl's surface re-exported by
 * @edx/frontend-platform/i18n is used, which frontend-base-compat re-exports as well.
 */
import React from 'react';
import { IntlProvider, useIntl } from '@edx/frontend-platform/i18n';

import es from './messages/es.json';

const CATALOGUES = { es };

export function messagesFor(locale) {
  const tag = (locale || 'en').toLowerCase();
  return CATALOGUES[tag] || CATALOGUES[tag.split(/[-_]/)[0]] || {};
}

export function WithOwnMessages({ children }) {
  // The app's own messages stay (Paragon's translations among them); ours are added.
  const { locale, messages } = useIntl();
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={{ ...messages, ...messagesFor(locale) }}>
      {children}
    </IntlProvider>
  );
}

export const withOwnMessages = (Component) => {
  const Wrapped = (props) => <WithOwnMessages><Component {...props} /></WithOwnMessages>;
  Wrapped.displayName = `withOwnMessages(${Component.displayName || Component.name})`;
  return Wrapped;
};
