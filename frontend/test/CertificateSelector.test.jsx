import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CertificateSelector } from '../src';
import { server } from './platform';
import { COURSE, TRAINING_URL, renderInMfe } from './render';

const ok = (data, status = 200) => ({ status, data });
const failure = (status, code, detail = 'explained') => ({ status, data: { detail, code } });
const person = (username, name) => ({ username, name });

const ENGLISH = { uuid: 'c-en', name: 'Classic certificate (English)', language: 'en', tenant_only: false,
  preview_url: 'http://studio.test/preview/c-en.pdf' };
const SPANISH = { uuid: 'c-es', name: 'Classic certificate (Spanish)', language: 'es', tenant_only: false,
  preview_url: 'http://studio.test/preview/c-es.pdf' };
const V1 = { uuid: 'v-1', number: 1, title: 'Diploma', created_at: '2026-03-10T09:00:00+00:00',
  created_by: person('ana', 'Ana Author'), preview_url: 'http://studio.test/preview/v-1.pdf' };
const V2 = { uuid: 'v-2', number: 2, title: 'Diploma', created_at: '2026-03-14T09:00:00+00:00',
  created_by: person('bo', 'Bo Editor'), preview_url: 'http://studio.test/preview/v-2.pdf' };

/** GET/PUT trainings/<key>/certificate/ as the README documents it (plus each certificate's versions). */
function training({ current = null, canAssign = true, author = true } = {}) {
  return {
    training: { key: COURSE, title: 'Computing 101', kind: 'course' },
    current,
    can_assign: canAssign,
    offers_author_certificates: author,
    classic: [ENGLISH, SPANISH],
    author: author ? [{
      uuid: 'a-1', title: 'Diploma', creator: person('ana', 'Ana Author'), created_at: V1.created_at,
      latest_version: 2,
      selected_version: current && current.kind === 'author' ? current.version : null,
      versions: [V1, V2], // oldest first on purpose: the widget shows newest first
    }] : [],
  };
}
const authorCurrent = (version) => ({ kind: 'author', assigned_at: '2026-03-15T10:00:00+00:00', assigned_by: null,
  certificate: { uuid: 'a-1', title: 'Diploma' }, version });
const classicCurrent = (classic) => ({ kind: 'classic', assigned_at: '2026-03-15T10:00:00+00:00', assigned_by: null, classic });

describe('CertificateSelector for admins and trainers', () => {
  test('shows the current certificate, then assigns version 2 of an author certificate', async () => {
    server.answer('GET', TRAINING_URL, ok(training({ current: authorCurrent(V1) })));
    server.answer('PUT', TRAINING_URL, ok(training({ current: authorCurrent(V2) })));
    renderInMfe(<CertificateSelector courseId={COURSE} />);

    expect(await screen.findByText('Diploma, version 1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Select certificate' }));
    // With author certificates there is the Classic/Author choice; focus moves to what opened.
    expect(screen.getByRole('heading', { name: 'Select certificate' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Author certificates' }));
    expect(screen.getByRole('heading', { name: 'Author certificates' })).toHaveFocus();

    const item = screen.getByRole('heading', { name: 'Diploma' }).closest('li');
    expect(within(item).getByText('Created by Ana Author')).toBeInTheDocument();
    expect(within(item).getByText('Selected version: 1')).toBeInTheDocument();
    const selector = within(item).getByLabelText('Version');
    // R6: number, edit date and editor, newest first.
    expect(within(selector).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Version 2 · March 14, 2026 · Bo Editor',
      'Version 1 · March 10, 2026 · Ana Author',
    ]);
    expect(selector).toHaveValue('v-1');
    expect(within(item).getByText('Selected')).toBeInTheDocument();
    // A preview of the chosen version, whichever it is: a PDF in a new tab.
    const preview = within(item).getByRole('link', { name: /^Preview version 1 \(PDF\)/ });
    expect(preview).toHaveAttribute('href', V1.preview_url);
    expect(preview).toHaveAttribute('target', '_blank');

    await userEvent.selectOptions(selector, 'v-2');
    expect(within(item).getByRole('link', { name: /^Preview version 2 \(PDF\)/ })).toHaveAttribute('href', V2.preview_url);
    await userEvent.click(within(item).getByRole('button', { name: 'Select Diploma' }));

    expect(server.callsTo('PUT', TRAINING_URL).map((call) => call.body)).toEqual([{ version: 'v-2' }]);
    expect(await screen.findByText('The certificate of this training has been updated.')).toBeInTheDocument();
    expect(screen.getByText('Diploma, version 2')).toBeInTheDocument();
  });

  test('assigns a classic certificate', async () => {
    server.answer('GET', TRAINING_URL, ok(training({ current: classicCurrent(ENGLISH) })));
    server.answer('PUT', TRAINING_URL, ok(training({ current: classicCurrent(SPANISH) })));
    renderInMfe(<CertificateSelector courseId={COURSE} />);

    expect(await screen.findByText('Classic certificate: Classic certificate (English)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Select certificate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Classic certificates' }));
    expect(screen.queryByRole('button', { name: /Select Classic certificate \(English\)/ })).not.toBeInTheDocument();
    // Every classic certificate has its preview, the selected one too.
    expect(screen.getByRole('link', { name: /^Preview Classic certificate \(English\) \(PDF\)/ }))
      .toHaveAttribute('href', ENGLISH.preview_url);
    expect(screen.getByRole('link', { name: /^Preview Classic certificate \(Spanish\) \(PDF\)/ }))
      .toHaveAttribute('href', SPANISH.preview_url);
    await userEvent.click(screen.getByRole('button', { name: 'Select Classic certificate (Spanish)' }));

    expect(server.callsTo('PUT', TRAINING_URL).map((call) => call.body)).toEqual([{ classic: 'c-es' }]);
    expect(await screen.findByText('Classic certificate: Classic certificate (Spanish)')).toBeInTheDocument();
  });

  test('R4: without author certificates, "Select certificate" opens the classic list directly', async () => {
    server.answer('GET', TRAINING_URL, ok(training({ author: false })));
    renderInMfe(<CertificateSelector courseId={COURSE} />);
    expect(await screen.findByText('No certificate is assigned to this training.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Select certificate' }));
    expect(screen.getByRole('heading', { name: 'Classic certificates' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Author certificates' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Select Classic certificate (English)' })).toBeInTheDocument();
  });
});

describe('CertificateSelector for inspectors', () => {
  test('read-only: the current certificate and the lists, no way to assign', async () => {
    server.answer('GET', TRAINING_URL, ok(training({ current: authorCurrent(V1), canAssign: false })));
    renderInMfe(<CertificateSelector courseId={COURSE} />);
    expect(await screen.findByText('Diploma, version 1')).toBeInTheDocument();
    expect(screen.getByText('You can see the certificates of this training but not change them.')).toBeInTheDocument();

    // No "Select certificate" for inspectors: they see the same lists, read-only.
    expect(screen.queryByRole('button', { name: 'Select certificate' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'See the certificates' }));
    expect(screen.getByRole('heading', { name: 'See the certificates' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Author certificates' }));
    const item = screen.getByRole('heading', { name: 'Diploma' }).closest('li');
    await userEvent.selectOptions(within(item).getByLabelText('Version'), 'v-2');
    // Inspectors may preview any version but assign none.
    expect(within(item).getByRole('link', { name: /^Preview version 2 \(PDF\)/ })).toHaveAttribute('href', V2.preview_url);
    expect(within(item).queryByRole('button', { name: /Select/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await userEvent.click(screen.getByRole('button', { name: 'Classic certificates' }));
    expect(screen.getByText('Classic certificate (Spanish)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Preview Classic certificate \(Spanish\) \(PDF\)/ }))
      .toHaveAttribute('href', SPANISH.preview_url);
    expect(screen.queryByRole('button', { name: /^Select Classic/ })).not.toBeInTheDocument();
    expect(server.callsTo('PUT', TRAINING_URL)).toHaveLength(0);
  });
});

describe('CertificateSelector: errors are messages', () => {
  test.each([
    [server.NETWORK_DOWN, 'The server could not be reached. Check your connection and try again.'],
    [failure(403, 'permission_denied'), 'You are not allowed to do this.'],
    [failure(404, 'not_found'), 'This course is not known to the certificate service.'],
    [failure(400, 'invalid', 'Malformed key'), 'The server refused the request: Malformed key'],
  ])('loading fails (%o): a message and "Try again"', async (answer, message) => {
    server.answer('GET', TRAINING_URL, answer, ok(training()));
    renderInMfe(<CertificateSelector courseId={COURSE} />);
    expect(await screen.findByText(message)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No certificate is assigned to this training.')).toBeInTheDocument();
  });

  test.each([
    [failure(409, 'version_conflict'), 'Someone changed this at the same time. Reload and try again.'],
    [failure(403, 'permission_denied'), 'You are not allowed to do this.'],
    [failure(404, 'not_found'), 'This course is not known to the certificate service.'],
    [server.NETWORK_DOWN, 'The server could not be reached. Check your connection and try again.'],
  ])('assigning fails (%o): a message, and the selector stays', async (answer, message) => {
    server.answer('GET', TRAINING_URL, ok(training({ author: false })));
    server.answer('PUT', TRAINING_URL, answer);
    renderInMfe(<CertificateSelector courseId={COURSE} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Select certificate' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select Classic certificate (English)' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByText('No certificate is assigned to this training.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Select Classic certificate (English)' })).toBeEnabled();
  });
});

describe('CertificateSelector: translated', () => {
  test('Spanish for inspectors: "Ver los certificados" and the classic previews', async () => {
    server.answer('GET', TRAINING_URL, ok(training({ author: false, canAssign: false })));
    renderInMfe(<CertificateSelector courseId={COURSE} />, { locale: 'es' });
    await userEvent.click(await screen.findByRole('button', { name: 'Ver los certificados' }));
    expect(screen.getByRole('link', { name: /^Vista previa de Classic certificate \(English\) \(PDF\)/ }))
      .toHaveAttribute('href', ENGLISH.preview_url);
  });

  test('Spanish labels, version label and the confirmation', async () => {
    server.answer('GET', TRAINING_URL, ok(training({ current: authorCurrent(V1) })));
    server.answer('PUT', TRAINING_URL, ok(training({ current: authorCurrent(V2) })));
    renderInMfe(<CertificateSelector courseId={COURSE} />, { locale: 'es' });
    expect(await screen.findByText('Diploma, versión 1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Seleccionar certificado' }));
    await userEvent.click(screen.getByRole('button', { name: 'Certificados de autor' }));
    const selector = screen.getByLabelText('Versión');
    expect(within(selector).getAllByRole('option')[0].textContent).toBe('Versión 2 · 14 de marzo de 2026 · Bo Editor');
    await userEvent.selectOptions(selector, 'v-2');
    expect(screen.getByRole('link', { name: /^Vista previa de la versión 2 \(PDF\)/ })).toHaveAttribute('href', V2.preview_url);
    await userEvent.click(screen.getByRole('button', { name: 'Seleccionar Diploma' }));
    await waitFor(() => expect(screen.getByText('Se ha actualizado el certificado de esta formación.')).toBeInTheDocument());
  });
});
