import React from 'react';
import { render } from '@testing-library/react';
import { IntlProvider } from 'react-intl';

/** Render as inside an MFE: the app's IntlProvider (with the app's own messages) above the widget. */
export function renderInMfe(element, { locale = 'en' } = {}) {
  return render(<IntlProvider locale={locale} messages={{}}>{element}</IntlProvider>);
}

export const COURSE = 'course-v1:DemoX+CS101+2026';
export const RECORD_URL = `http://lms.test/api/author-certificates/v1/records/${encodeURIComponent(COURSE)}/certificate/`;
export const TRAINING_URL = `http://studio.test/api/author-certificates/v1/trainings/${encodeURIComponent(COURSE)}/certificate/`;

/** A learning record as GET/POST records/<key>/certificate/ answers it (README). */
export function record(state, extra = {}) {
  const generated = state === 'generated';
  return {
    training: { key: COURSE, kind: 'course', kind_label: 'Course', title: 'Computing 101' },
    completed_at: state === 'not_completed' ? null : '2026-03-14T09:30:00+00:00',
    certificate: {
      state,
      uuid: generated ? '3f1c2b1e-8a0e-4f53-9d7e-6c1c8f0a2b44' : null,
      requested_at: null,
      generated_at: generated ? '2026-03-14T09:30:02+00:00' : null,
      open_url: generated ? 'http://lms.test/author-certificates/certificates/3f1c2b1e/' : null,
      download_url: null,
      verify_url: null,
      error: state === 'failed' ? 'The certificate could not be saved. Try again in a few minutes.' : null,
    },
    can_generate: state === 'available' || state === 'failed',
    ...extra,
  };
}
