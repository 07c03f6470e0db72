export { default as CertificateCardAction } from './CertificateCardAction';
export { default as CertificateSelector } from './CertificateSelector';
export {
  AuthoringSidebarCertificateSelector,
  LearnerDashboardCertificateAction,
  courseKeyHookFrom,
  learnerDashboardCertificateAction,
  useLearnerHomeCourseKey,
} from './slots';
export { messagesFor } from './i18n';
