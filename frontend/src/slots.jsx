/**
 * The widgets as the MFEs' plugin slots mount them.
 *
 * Learner dashboard, `org.openedx.frontend.learner_dashboard.course_card_action.v1`: the slot
 * passes only `cardId`; the course key comes from the dashboard's own course data. The Tutor
 * plugin hands the dashboard's `hooks` module in (see `courseKeyHookFrom`), because a package
 * cannot import an MFE's source itself. Authoring, `org.openedx.frontend.authoring.
 * course_outline_sidebar.v1`: the slot passes `courseId`.
 */
import React, { useEffect, useState } from 'react';
import { getConfig } from '@edx/frontend-platform';
import { getAuthenticatedHttpClient } from '@edx/frontend-platform/auth';

import CertificateCardAction from './CertificateCardAction';
import CertificateSelector from './CertificateSelector';

/**
 * A React hook `(cardId) => courseKey` built from the learner dashboard's `hooks` module:
 * Verawood's `useCourseData(cardId).courseRun.courseId` (React Query), or Ulmo's
 * `reduxHooks.useCardCourseRunData(cardId).courseId` (Redux). Null when neither is there.
 */
export function courseKeyHookFrom(dashboardHooks) {
  if (dashboardHooks && typeof dashboardHooks.useCourseData === 'function') {
    return (cardId) => {
      const course = dashboardHooks.useCourseData(cardId);
      return (course && course.courseRun && course.courseRun.courseId) || null;
    };
  }
  const redux = dashboardHooks && dashboardHooks.reduxHooks;
  if (redux && typeof redux.useCardCourseRunData === 'function') {
    return (cardId) => {
      const courseRun = redux.useCardCourseRunData(cardId);
      return (courseRun && courseRun.courseId) || null;
    };
  }
  return null;
}

let learnerHomeCourses = null;

/**
 * Fallback where the dashboard's hooks cannot be imported (the frontend-base site): the same
 * `GET /api/learner_home/init` the dashboard loads, fetched once per page, and the dashboard's
 * card ids (`card-<index>` in the order of its `courses`).
 */
export function useLearnerHomeCourseKey(cardId) {
  const [courseKey, setCourseKey] = useState(null);
  useEffect(() => {
    let live = true;
    if (!learnerHomeCourses) {
      const url = `${getConfig().LMS_BASE_URL}/api/learner_home/init`;
      learnerHomeCourses = getAuthenticatedHttpClient().get(url).then(({ data }) => data.courses || []);
      learnerHomeCourses.catch(() => { learnerHomeCourses = null; });
    }
    learnerHomeCourses.then((courses) => {
      const index = Number(String(cardId).replace(/^card-/, ''));
      const course = courses[index];
      if (live) { setCourseKey((course && course.courseRun && course.courseRun.courseId) || null); }
    }, () => {});
    return () => { live = false; };
  }, [cardId]);
  return courseKey;
}

export function forgetLearnerHomeCourses() { learnerHomeCourses = null; }

/** The learner dashboard's course card action: `{cardId}` in, the certificate control out. */
export function LearnerDashboardCertificateAction({ cardId, useCourseKey = useLearnerHomeCourseKey }) {
  const courseKey = useCourseKey(cardId);
  return courseKey ? <CertificateCardAction courseId={courseKey} /> : null;
}

/** Builds the card action component for a dashboard `hooks` module (what the Tutor plugin registers). */
export function learnerDashboardCertificateAction(dashboardHooks) {
  const useCourseKey = courseKeyHookFrom(dashboardHooks) || useLearnerHomeCourseKey;
  const Action = ({ cardId }) => <LearnerDashboardCertificateAction cardId={cardId} useCourseKey={useCourseKey} />;
  Action.displayName = 'AuthorCertificatesCardAction';
  return Action;
}

/** The authoring MFE's course outline sidebar: `{courseId}` in, the selector out. */
export function AuthoringSidebarCertificateSelector({ courseId }) {
  return courseId ? <CertificateSelector courseId={courseId} /> : null;
}
