/**
 * The course team's certificate selector: the current certificate, and for admins and trainers
 * "Select certificate" with the classic and author lists, a version selector per author
 * certificate (number, edit date, editor, newest first: R6), a PDF preview of any version and of
 * each classic certificate (``preview_url``, opened in a new tab), and the assignment
 * (PUT trainings/<key>/certificate/, R2). Inspectors see it read-only ("See the certificates"). A tenant without
 * author certificates goes straight to the classic list (R4).
 */
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from '@edx/frontend-platform/i18n';
import { Alert, Button, Form, Hyperlink } from '@openedx/paragon';

import { assignCertificate, getTrainingCertificate } from './api';
import errorText from './errors';
import { withOwnMessages } from './i18n';
import messages from './messages';

const personName = (person) => (person ? person.name || person.username : '-');

function CurrentCertificate({ current }) {
  const intl = useIntl();
  if (!current) { return intl.formatMessage(messages.noneAssigned); }
  if (current.kind === 'classic') { return intl.formatMessage(messages.classicAssigned, { name: current.classic.name }); }
  return intl.formatMessage(messages.authorAssigned, { title: current.certificate.title, number: current.version.number });
}

function versionLabel(intl, version) {
  return intl.formatMessage(messages.versionLabel, {
    number: version.number,
    date: intl.formatDate(version.created_at, { year: 'numeric', month: 'long', day: 'numeric' }),
    editor: personName(version.created_by),
  });
}

function ClassicList({ body, onAssign, busy }) {
  const intl = useIntl();
  const current = body.current && body.current.kind === 'classic' ? body.current.classic.uuid : null;
  return (
    <ul className="list-unstyled author-certificates-classic-list">
      {body.classic.map((classic) => (
        <li key={classic.uuid} className="d-flex align-items-center justify-content-between py-1 border-bottom">
          <span>
            {classic.name} <span lang={classic.language} className="text-muted small">({classic.language})</span>
            {classic.tenant_only && <span className="text-muted small"> · {intl.formatMessage(messages.madeForSite)}</span>}
          </span>
          <span className="d-flex align-items-center">
            {classic.preview_url && (
              <Hyperlink destination={classic.preview_url} target="_blank" className="mr-2 small">
                {intl.formatMessage(messages.previewClassic, { name: classic.name })}
              </Hyperlink>
            )}
            {current === classic.uuid ? <strong>{intl.formatMessage(messages.selected)}</strong> : onAssign && (
              <Button size="sm" variant="outline-primary" disabled={busy} onClick={() => onAssign({ classic: classic.uuid })}>
                {intl.formatMessage(messages.assign)}<span className="sr-only"> {classic.name}</span>
              </Button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function AuthorCertificate({ certificate, onAssign, busy }) {
  const intl = useIntl();
  // Newest first (R6), whatever order the server used.
  const versions = [...(certificate.versions || [])].sort((a, b) => b.number - a.number);
  const selectedUuid = certificate.selected_version ? certificate.selected_version.uuid : null;
  const [chosen, setChosen] = useState(selectedUuid || (versions[0] && versions[0].uuid) || '');
  const chosenVersion = versions.find((version) => version.uuid === chosen);
  const fieldId = `author-certificates-version-${certificate.uuid}`;
  return (
    <li className="py-2 border-bottom author-certificates-author" data-uuid={certificate.uuid}>
      <h4 className="h5 mb-1">{certificate.title}</h4>
      <p className="text-muted small mb-1">{intl.formatMessage(messages.createdBy, { name: personName(certificate.creator) })}</p>
      <p className="small mb-2">
        {certificate.selected_version
          ? intl.formatMessage(messages.selectedVersion, { number: certificate.selected_version.number })
          : intl.formatMessage(messages.notSelected)}
      </p>
      <Form.Group controlId={fieldId} className="mb-2">
        <Form.Label>{intl.formatMessage(messages.version)}</Form.Label>
        <Form.Control as="select" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {versions.map((version) => (
            <option key={version.uuid} value={version.uuid}>{versionLabel(intl, version)}</option>
          ))}
        </Form.Control>
      </Form.Group>
      <div className="d-flex align-items-center">
        {/* A preview of whichever version is chosen in the selector: any version, sample data (a PDF). */}
        {chosenVersion && chosenVersion.preview_url && (
          <Hyperlink destination={chosenVersion.preview_url} target="_blank" className="mr-3 small">
            {intl.formatMessage(messages.previewVersion, { number: chosenVersion.number })}
          </Hyperlink>
        )}
        {onAssign && (chosen === selectedUuid ? <strong>{intl.formatMessage(messages.selected)}</strong> : (
          <Button size="sm" variant="outline-primary" disabled={busy || !chosen} onClick={() => onAssign({ version: chosen })}>
            {intl.formatMessage(messages.assign)}<span className="sr-only"> {certificate.title}</span>
          </Button>
        ))}
      </div>
    </li>
  );
}

function CertificateSelector({ courseId }) {
  const intl = useIntl();
  const [body, setBody] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState('');
  const [panel, setPanel] = useState('');
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);
  const panelHeading = useRef(null);

  // Keyboard and screen reader users land on what just opened (as the Studio page's side window).
  useEffect(() => {
    if (panel && panelHeading.current) { panelHeading.current.focus(); }
  }, [panel]);

  const load = useCallback(async () => {
    setError(null);
    try {
      const loaded = await getTrainingCertificate(courseId);
      if (mounted.current) { setBody(loaded); }
    } catch (failure) {
      if (mounted.current) { setError(failure); }
    }
  }, [courseId]);

  useEffect(() => {
    mounted.current = true;
    load();
    return () => { mounted.current = false; };
  }, [load]);

  const assign = async (choice) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const updated = await assignCertificate(courseId, choice);
      if (!mounted.current) { return; }
      setBody(updated);
      setNotice(intl.formatMessage(messages.updated));
      setPanel('');
    } catch (failure) {
      if (mounted.current) { setError(failure); }
    } finally {
      if (mounted.current) { setBusy(false); }
    }
  };

  const headingId = `author-certificates-selector-${courseId}`;
  const firstPanel = body && body.offers_author_certificates ? 'choose' : 'classic';
  return (
    <section className="author-certificates-selector border rounded p-3 mb-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4">{intl.formatMessage(messages.certificate)}</h3>
      <div role="status" aria-live="polite">
        {notice && <Alert variant="success" className="py-2">{notice}</Alert>}
      </div>
      {error && (
        <Alert variant="danger" className="py-2" actions={body ? [] : [
          <Button key="retry" size="sm" variant="outline-primary" onClick={load}>{intl.formatMessage(messages.tryAgain)}</Button>,
        ]}>
          {errorText(intl, error)}
        </Alert>
      )}
      {!body && !error && <p>{intl.formatMessage(messages.loading)}</p>}
      {body && (
        <>
          <p className="author-certificates-current"><CurrentCertificate current={body.current} /></p>
          {!body.can_assign && <p className="text-muted small">{intl.formatMessage(messages.readOnly)}</p>}
          {!panel && (
            <Button variant={body.can_assign ? 'primary' : 'outline-primary'} size="sm" onClick={() => setPanel(firstPanel)}>
              {intl.formatMessage(body.can_assign ? messages.select : messages.seeCertificates)}
            </Button>
          )}
          {panel && (
            <div className="author-certificates-panel mt-2">
              <div className="d-flex justify-content-between align-items-center mb-2">
                <h4 className="h5 m-0" tabIndex={-1} ref={panelHeading}>
                  {intl.formatMessage(panel === 'author' ? messages.authorList
                    : panel === 'classic' ? messages.classicList
                      : body.can_assign ? messages.select : messages.seeCertificates)}
                </h4>
                <span>
                  {panel !== 'choose' && firstPanel === 'choose' && (
                    <Button variant="link" size="sm" onClick={() => setPanel('choose')}>{intl.formatMessage(messages.back)}</Button>
                  )}
                  <Button variant="outline-primary" size="sm" onClick={() => setPanel('')}>
                    {intl.formatMessage(messages.close)}
                  </Button>
                </span>
              </div>
              {panel === 'choose' && (
                <div className="d-flex flex-column">
                  <Button variant="outline-primary" className="mb-2" onClick={() => setPanel('classic')}>{intl.formatMessage(messages.classicList)}</Button>
                  <Button variant="outline-primary" onClick={() => setPanel('author')}>{intl.formatMessage(messages.authorList)}</Button>
                </div>
              )}
              {panel === 'classic' && <ClassicList body={body} onAssign={body.can_assign ? assign : null} busy={busy} />}
              {panel === 'author' && (
                <ul className="list-unstyled">
                  {body.author.map((certificate) => (
                    <AuthorCertificate key={certificate.uuid} certificate={certificate} busy={busy}
                                       onAssign={body.can_assign ? assign : null} />
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

export default withOwnMessages(CertificateSelector);
