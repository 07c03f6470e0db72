import React from 'react';
import { screen, waitFor } from '@testing-library/react';

import {
  AuthoringSidebarCertificateSelector,
  LearnerDashboardCertificateAction,
  courseKeyHookFrom,
  learnerDashboardCertificateAction,
} from '../src';
import { forgetLearnerHomeCourses } from '../src/slots';
import { server } from './platform';
import { COURSE, RECORD_URL, TRAINING_URL, record, renderInMfe } from './render';

const ok = (data) => ({ status: 200, data });

// The dashboard's own hooks, shaped as in frontend-app-learner-dashboard's release branches.
const verawoodHooks = {
  useCourseData: (cardId) => ({ 'card-0': { cardId: 'card-0', courseRun: { courseId: COURSE } } }[cardId]),
};
const ulmoHooks = {
  reduxHooks: { useCardCourseRunData: (cardId) => (cardId === 'card-3' ? { courseId: COURSE } : {}) },
};

describe('learner dashboard slot: course key from cardId', () => {
  test('Verawood: useCourseData(cardId).courseRun.courseId', () => {
    const useCourseKey = courseKeyHookFrom(verawoodHooks);
    expect(useCourseKey('card-0')).toBe(COURSE);
    expect(useCourseKey('card-9')).toBeNull();
  });

  test('Ulmo: reduxHooks.useCardCourseRunData(cardId).courseId', () => {
    const useCourseKey = courseKeyHookFrom(ulmoHooks);
    expect(useCourseKey('card-3')).toBe(COURSE);
    expect(useCourseKey('card-1')).toBeNull();
  });

  test('a module without either hook gives no resolver', () => {
    expect(courseKeyHookFrom({})).toBeNull();
    expect(courseKeyHookFrom(undefined)).toBeNull();
  });

  test('the registered component shows the control of the card\'s course', async () => {
    server.answer('GET', RECORD_URL, ok(record('available')));
    const Action = learnerDashboardCertificateAction(verawoodHooks);
    renderInMfe(<Action cardId="card-0" />);
    expect(await screen.findByRole('button', { name: 'Generate certificate' })).toBeInTheDocument();
    expect(server.calls.map((call) => call.url)).toEqual([RECORD_URL]);
  });

  test('a card whose course cannot be resolved shows nothing and calls nothing', () => {
    const Action = learnerDashboardCertificateAction(verawoodHooks);
    const { container } = renderInMfe(<Action cardId="card-7" />);
    expect(container).toBeEmptyDOMElement();
    expect(server.calls).toHaveLength(0);
  });

  test('without the dashboard\'s hooks (frontend-base site): learner_home/init, card-<index>', async () => {
    forgetLearnerHomeCourses();
    server.answer('GET', 'http://lms.test/api/learner_home/init', ok({
      courses: [{ courseRun: { courseId: 'course-v1:Other+X+1' } }, { courseRun: { courseId: COURSE } }],
    }));
    server.answer('GET', RECORD_URL, ok(record('generated')));
    renderInMfe(<LearnerDashboardCertificateAction cardId="card-1" />);
    expect(await screen.findByRole('link', { name: 'Open certificate' })).toBeInTheDocument();
    await waitFor(() => expect(server.callsTo('GET', RECORD_URL)).toHaveLength(1));
  });
});

describe('authoring sidebar slot', () => {
  test('passes courseId to the selector', async () => {
    server.answer('GET', TRAINING_URL, ok({
      training: { key: COURSE, title: 'Computing 101', kind: 'course' }, current: null, can_assign: true,
      offers_author_certificates: false, classic: [], author: [],
    }));
    renderInMfe(<AuthoringSidebarCertificateSelector courseId={COURSE} courseName="Computing 101" sections={[]} />);
    expect(await screen.findByText('No certificate is assigned to this training.')).toBeInTheDocument();
    expect(server.calls.map((call) => call.url)).toEqual([TRAINING_URL]);
  });
});
