/**
 * The harness page: both widgets mounted as the MFE slots mount them (same props), inside an
 * IntlProvider as an MFE's AppProvider gives one. Which slot shows is chosen by the page.
 */
import React from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';

// The released build (dist/), as an MFE installs it: the Chromium suite exercises what ships.
import { AuthoringSidebarCertificateSelector, learnerDashboardCertificateAction } from '../dist/index.js';

const root = document.getElementById('harness');
const { slot, locale } = root.dataset;

function App() {
  if (slot === 'course_card_action') {
    // The dashboard's own data hooks, shaped as Verawood's `hooks` module: cards from the page.
    const cards = JSON.parse(root.dataset.cards);
    const dashboardHooks = { useCourseData: (cardId) => cards.find((card) => card.cardId === cardId) };
    const Action = learnerDashboardCertificateAction(dashboardHooks);
    return cards.map((card) => (
      <div key={card.cardId} className="card mb-3" data-card-id={card.cardId}>
        <div className="card-body">
          <h2 className="h4">{card.course.courseName}</h2>
          <div className="pgn__action-row"><Action cardId={card.cardId} /></div>
        </div>
      </div>
    ));
  }
  return <AuthoringSidebarCertificateSelector courseId={root.dataset.courseId} courseName="" sections={[]} />;
}

createRoot(root).render(<IntlProvider locale={locale || 'en'} messages={{}}><App /></IntlProvider>);
