import React from 'react';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { CertificateCardAction } from '../src';
import { POLL_FACTOR, POLL_FIRST_MS } from '../src/CertificateCardAction';
import { server } from './platform';
import { COURSE, RECORD_URL, record, renderInMfe } from './render';

const statusSays = (text) => waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text));
const ok = (data, status = 200) => ({ status, data });
const failure = (status, code, detail = 'explained') => ({ status, data: { detail, code } });

describe('CertificateCardAction: the states of Learning Records', () => {
  test('available: "Generate certificate"; a click asks once and says "The certificate is being generated"', async () => {
    server.answer('GET', RECORD_URL, ok(record('available')));
    server.answer('POST', RECORD_URL, ok(record('generating'), 202));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Generate certificate' }));

    await statusSays('The certificate is being generated');
    expect(server.callsTo('POST', RECORD_URL)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Generate certificate' })).not.toBeInTheDocument();
  });

  test('generating -> polls with back-off -> "The certificate has been generated" and "Open certificate"', async () => {
    jest.useFakeTimers();
    try {
      server.answer('GET', RECORD_URL, ok(record('generating')), ok(record('generating')), ok(record('generated')));
      renderInMfe(<CertificateCardAction courseId={COURSE} />);
      await screen.findByText('The certificate is being generated');
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(1);

      // First look after 0.8 s, the next one 1.6 times later: not before.
      await act(async () => { jest.advanceTimersByTime(POLL_FIRST_MS - 1); });
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(1);
      await act(async () => { jest.advanceTimersByTime(1); });
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(2);
      await act(async () => { jest.advanceTimersByTime(POLL_FIRST_MS * POLL_FACTOR - 1); });
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(2);
      await act(async () => { jest.advanceTimersByTime(1); });
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(3);

      expect(screen.getByRole('status')).toHaveTextContent('The certificate has been generated');
      const open = screen.getByRole('link', { name: 'Open certificate' });
      expect(open).toHaveAttribute('href', 'http://lms.test/author-certificates/certificates/3f1c2b1e/');
      // Generated: polling stops.
      await act(async () => { jest.advanceTimersByTime(60000); });
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });

  test('polling stops when the card goes away', async () => {
    jest.useFakeTimers();
    try {
      server.answer('GET', RECORD_URL, ok(record('generating')));
      const { unmount } = renderInMfe(<CertificateCardAction courseId={COURSE} />);
      await screen.findByText('The certificate is being generated');
      unmount();
      await act(async () => { jest.advanceTimersByTime(60000); });
      expect(server.callsTo('GET', RECORD_URL)).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  test('generated: the status and the "Open certificate" link, nothing to generate', async () => {
    server.answer('GET', RECORD_URL, ok(record('generated')));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    expect(await screen.findByRole('link', { name: 'Open certificate' })).toHaveAttribute('target', '_blank');
    expect(screen.getByRole('status')).toHaveTextContent('The certificate has been generated');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  test('from the click on it says "The certificate is being generated", before the server answers', async () => {
    let arrive;
    server.answer('GET', RECORD_URL, ok(record('available')));
    server.answer('POST', RECORD_URL, () => new Promise((resolve) => { arrive = resolve; }));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Generate certificate' }));
    await statusSays('The certificate is being generated');
    // A host generating in-process answers once the PDF is made.
    await act(async () => { arrive(ok(record('generated'), 202)); });
    expect(await screen.findByRole('link', { name: 'Open certificate' })).toBeInTheDocument();
  });

  test('failed: says so and why (the server\'s sentence), and "Try again" asks again (R13)', async () => {
    server.answer('GET', RECORD_URL, ok(record('failed')));
    server.answer('POST', RECORD_URL, ok(record('generated'), 202));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await statusSays('The certificate could not be generated. The certificate could not be saved. Try again in a few minutes.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Open certificate' })).toBeInTheDocument();
    expect(server.callsTo('POST', RECORD_URL)).toHaveLength(1);
  });

  test('invalidated by staff: says so and offers nothing (docs/decisions/0120)', async () => {
    server.answer('GET', RECORD_URL, ok(record('invalidated')));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await statusSays('The certificate has been invalidated');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  test.each([
    ['not completed', ok(record('not_completed'))],
    ['no certificate assigned', ok(record('unavailable'))],
    ['a course the plugin does not know (404)', failure(404, 'not_found')],
  ])('%s: nothing at all', async (_case, answer) => {
    server.answer('GET', RECORD_URL, answer);
    const { container } = renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await waitFor(() => expect(server.callsTo('GET', RECORD_URL)).toHaveLength(1));
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });

  test('while loading it says so (never a blank widget)', async () => {
    server.answer('GET', RECORD_URL, ok(record('available')));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    await screen.findByRole('button', { name: 'Generate certificate' });
  });
});

describe('CertificateCardAction: errors are messages', () => {
  test('network down on load: a message and "Try again", which loads again', async () => {
    server.answer('GET', RECORD_URL, server.NETWORK_DOWN, ok(record('available')));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await statusSays('The server could not be reached. Check your connection and try again.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Generate certificate' })).toBeInTheDocument();
  });

  test('403 on load: not allowed', async () => {
    server.answer('GET', RECORD_URL, failure(403, 'permission_denied'));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await statusSays('You are not allowed to do this.');
  });

  test('401 on load: the session has ended', async () => {
    server.answer('GET', RECORD_URL, failure(401, 'not_authenticated'));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await statusSays('Your session has ended. Sign in again to continue.');
  });

  test.each([
    [failure(409, 'nothing_assigned'), 'No certificate is available for this training'],
    [failure(403, 'not_completed'), 'Complete this training to get its certificate'],
    [failure(404, 'not_found'), 'This course is not known to the certificate service.'],
    [failure(500, 'error'), 'Something went wrong (error 500). Try again later.'],
    [server.NETWORK_DOWN, 'The server could not be reached. Check your connection and try again.'],
  ])('a refused generation (%o) is explained and can be retried', async (answer, message) => {
    server.answer('GET', RECORD_URL, ok(record('available')));
    server.answer('POST', RECORD_URL, answer, ok(record('generating'), 202));
    renderInMfe(<CertificateCardAction courseId={COURSE} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Generate certificate' }));
    await statusSays(message);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await statusSays('The certificate is being generated');
    expect(server.callsTo('POST', RECORD_URL)).toHaveLength(2);
  });
});

describe('CertificateCardAction: translated', () => {
  test('Spanish: "Generar certificado", then "El certificado se está generando"', async () => {
    server.answer('GET', RECORD_URL, ok(record('available')));
    server.answer('POST', RECORD_URL, ok(record('generating'), 202));
    renderInMfe(<CertificateCardAction courseId={COURSE} />, { locale: 'es-419' });
    await userEvent.click(await screen.findByRole('button', { name: 'Generar certificado' }));
    await statusSays('El certificado se está generando');
  });

  test('Spanish: "El certificado se ha generado" and "Abrir certificado"', async () => {
    server.answer('GET', RECORD_URL, ok(record('generated')));
    renderInMfe(<CertificateCardAction courseId={COURSE} />, { locale: 'es' });
    expect(await screen.findByRole('link', { name: 'Abrir certificado' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('El certificado se ha generado');
  });
});
