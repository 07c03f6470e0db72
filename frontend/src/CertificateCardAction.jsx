/**
 * The learner's certificate control for one course, with the states and words of Learning
 * Records: "Generate certificate" -> "The certificate is being generated" -> "The certificate has
 * been generated" + "Open certificate"; "Try again" after a failure (R11, R13). Nothing at all
 * when the course has no certificate assigned, is not completed, or is unknown to the plugin.
 */
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from '@edx/frontend-platform/i18n';
import { Button, Spinner } from '@openedx/paragon';

import { getRecord, requestCertificate, describeError } from './api';
import errorText from './errors';
import { withOwnMessages } from './i18n';
import messages from './messages';

// Same rhythm as Learning Records: first look after 0.8 s, then x1.6, at most every 10 s.
export const POLL_FIRST_MS = 800;
export const POLL_FACTOR = 1.6;
export const POLL_MAX_MS = 10000;

const SILENT_STATES = ['not_completed', 'unavailable'];

function CertificateCardAction({ courseId }) {
  const intl = useIntl();
  const [record, setRecord] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [hidden, setHidden] = useState(false);
  const timer = useRef(null);
  const mounted = useRef(true);

  const stopPolling = () => { clearTimeout(timer.current); timer.current = null; };

  const poll = useCallback((delay) => {
    stopPolling();
    timer.current = setTimeout(async () => {
      try {
        const next = await getRecord(courseId);
        if (!mounted.current) { return; }
        setRecord(next);
        setError(null);
        if (next.certificate.state === 'generating') { poll(Math.min(delay * POLL_FACTOR, POLL_MAX_MS)); }
      } catch (failure) {
        if (!mounted.current) { return; }
        setError(failure);
        // Keep asking: a generation under way finishes whether or not one answer got lost.
        poll(Math.min(delay * POLL_FACTOR, POLL_MAX_MS));
      }
    }, delay);
  }, [courseId]);

  // Show what the server said; while it says "generating", look again (the polling backs off).
  const show = useCallback((answer) => {
    setRecord(answer);
    if (answer.certificate.state === 'generating') { poll(POLL_FIRST_MS); }
  }, [poll]);

  const load = useCallback(async () => {
    setError(null);
    try {
      const loaded = await getRecord(courseId);
      if (mounted.current) { show(loaded); }
    } catch (failure) {
      if (!mounted.current) { return; }
      // A course the plugin does not know has no certificate: like "nothing assigned", nothing shows.
      if (describeError(failure).status === 404) { setHidden(true); return; }
      setError(failure);
    }
  }, [courseId, show]);

  useEffect(() => {
    mounted.current = true;
    load();
    return () => { mounted.current = false; stopPolling(); };
  }, [load]);

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await requestCertificate(courseId);
      if (mounted.current) { show(answer); }
    } catch (failure) {
      if (mounted.current) { setError(failure); }
    } finally {
      if (mounted.current) { setBusy(false); }
    }
  };

  if (hidden || (record && !error && SILENT_STATES.includes(record.certificate.state))) {
    return null;
  }

  // From the click on, the certificate is being generated (the brief's words), even before the
  // server answers: a host that generates in-process answers only once the PDF is made.
  const state = busy && !error ? 'generating' : (record ? record.certificate.state : 'loading');
  const button = (message, onClick, variant = 'primary') => (
    <Button variant={variant} size="sm" onClick={onClick} disabled={busy}>{intl.formatMessage(message)}</Button>
  );
  let status = '';
  let action = null;
  if (error) {
    status = errorText(intl, error);
    action = button(messages.tryAgain, record && record.can_generate ? generate : load, 'outline-primary');
  } else if (state === 'loading') {
    status = intl.formatMessage(messages.loading);
  } else if (state === 'available') {
    action = button(messages.generate, generate);
  } else if (state === 'generating') {
    status = intl.formatMessage(messages.generating);
  } else if (state === 'generated') {
    status = intl.formatMessage(messages.generated);
    action = (
      <Button as="a" variant="primary" size="sm" href={record.certificate.open_url} target="_blank" rel="noopener">
        {intl.formatMessage(messages.open)}
      </Button>
    );
  } else if (state === 'failed') {
    // Why, in the server's words: one translated sentence per failure code, never the error's text.
    const reason = record && record.certificate.error;
    status = reason ? `${intl.formatMessage(messages.failed)}. ${reason}` : intl.formatMessage(messages.failed);
    action = button(messages.tryAgain, generate, 'outline-primary');
  } else if (state === 'invalidated') {
    // Invalidated by staff (docs/decisions/0120): said, and nothing offered.
    status = intl.formatMessage(messages.invalidated);
  }

  return (
    <div className="author-certificates-card-action d-flex align-items-center flex-wrap" data-state={error ? 'error' : state}>
      {state === 'generating' && !error && <Spinner animation="border" size="sm" className="mr-2" screenReaderText="" />}
      {/* One live region, always present: screen readers hear every change of status. */}
      <span role="status" aria-live="polite" className={error ? 'text-danger mr-2' : 'mr-2'}>{status}</span>
      {action}
    </div>
  );
}

export default withOwnMessages(CertificateCardAction);
