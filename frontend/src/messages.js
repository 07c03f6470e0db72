import { defineMessages } from '@edx/frontend-platform/i18n';

// The words of the product brief, as Learning Records shows them (author_certificates/locale).
const messages = defineMessages({
  generate: { id: 'authorCertificates.generate', defaultMessage: 'Generate certificate', description: 'Button that asks for the certificate' },
  generating: { id: 'authorCertificates.generating', defaultMessage: 'The certificate is being generated', description: 'Status while the PDF is made' },
  generated: { id: 'authorCertificates.generated', defaultMessage: 'The certificate has been generated', description: 'Status once the PDF exists' },
  open: { id: 'authorCertificates.open', defaultMessage: 'Open certificate', description: 'Link to the PDF' },
  failed: { id: 'authorCertificates.failed', defaultMessage: 'The certificate could not be generated', description: 'Status after a failed generation' },
  tryAgain: { id: 'authorCertificates.tryAgain', defaultMessage: 'Try again', description: 'Retry button' },
  invalidated: { id: 'authorCertificates.invalidated', defaultMessage: 'The certificate has been invalidated', description: 'Status of a certificate invalidated by staff: nothing to do' },
  loading: { id: 'authorCertificates.loading', defaultMessage: 'Loading…', description: 'While the widget asks the server' },
  // Errors, never a blank widget.
  networkDown: { id: 'authorCertificates.error.network', defaultMessage: 'The server could not be reached. Check your connection and try again.', description: 'No answer from the server' },
  signedOut: { id: 'authorCertificates.error.401', defaultMessage: 'Your session has ended. Sign in again to continue.', description: '401' },
  forbidden: { id: 'authorCertificates.error.403', defaultMessage: 'You are not allowed to do this.', description: '403' },
  notCompleted: { id: 'authorCertificates.error.notCompleted', defaultMessage: 'Complete this training to get its certificate', description: '403 not_completed' },
  notFound: { id: 'authorCertificates.error.404', defaultMessage: 'This course is not known to the certificate service.', description: '404' },
  nothingAssigned: { id: 'authorCertificates.error.nothingAssigned', defaultMessage: 'No certificate is available for this training', description: '409 nothing_assigned' },
  conflict: { id: 'authorCertificates.error.409', defaultMessage: 'Someone changed this at the same time. Reload and try again.', description: '409 other' },
  refused: { id: 'authorCertificates.error.400', defaultMessage: 'The server refused the request: {detail}', description: '400 with the server explanation' },
  unexpected: { id: 'authorCertificates.error.other', defaultMessage: 'Something went wrong (error {status}). Try again later.', description: 'Any other status' },
  // The selector.
  certificate: { id: 'authorCertificates.selector.heading', defaultMessage: 'Certificate', description: 'Heading of the selector' },
  noneAssigned: { id: 'authorCertificates.selector.none', defaultMessage: 'No certificate is assigned to this training.', description: 'Nothing assigned yet' },
  classicAssigned: { id: 'authorCertificates.selector.classicAssigned', defaultMessage: 'Classic certificate: {name}', description: 'Current classic certificate' },
  authorAssigned: { id: 'authorCertificates.selector.authorAssigned', defaultMessage: '{title}, version {number}', description: 'Current author certificate and version' },
  select: { id: 'authorCertificates.selector.select', defaultMessage: 'Select certificate', description: 'Opens the choices' },
  close: { id: 'authorCertificates.selector.close', defaultMessage: 'Close', description: 'Closes the choices' },
  back: { id: 'authorCertificates.selector.back', defaultMessage: 'Back', description: 'Back to the kinds of certificate' },
  classicList: { id: 'authorCertificates.selector.classic', defaultMessage: 'Classic certificates', description: 'List of classic certificates' },
  authorList: { id: 'authorCertificates.selector.author', defaultMessage: 'Author certificates', description: 'List of author certificates' },
  readOnly: { id: 'authorCertificates.selector.readOnly', defaultMessage: 'You can see the certificates of this training but not change them.', description: 'Inspectors' },
  createdBy: { id: 'authorCertificates.selector.createdBy', defaultMessage: 'Created by {name}', description: 'Creator of an author certificate' },
  selectedVersion: { id: 'authorCertificates.selector.selectedVersion', defaultMessage: 'Selected version: {number}', description: 'Version assigned to this training' },
  notSelected: { id: 'authorCertificates.selector.notSelected', defaultMessage: 'Not selected for this training', description: 'Certificate not assigned here' },
  version: { id: 'authorCertificates.selector.version', defaultMessage: 'Version', description: 'Label of the version selector' },
  versionLabel: { id: 'authorCertificates.selector.versionLabel', defaultMessage: 'Version {number} · {date} · {editor}', description: 'Number, edit date and editor of a version (R6)' },
  previewVersion: { id: 'authorCertificates.selector.previewVersion', defaultMessage: 'Preview version {number} (PDF)', description: 'Opens a PDF preview of that version with sample data, in a new tab' },
  previewClassic: { id: 'authorCertificates.selector.previewClassic', defaultMessage: 'Preview {name} (PDF)', description: 'Opens a PDF preview of that classic certificate with sample data, in a new tab' },
  seeCertificates: { id: 'authorCertificates.selector.seeCertificates', defaultMessage: 'See the certificates', description: 'Opens the lists read-only (inspectors)' },
  assign: { id: 'authorCertificates.selector.assign', defaultMessage: 'Select', description: 'Assigns this certificate' },
  selected: { id: 'authorCertificates.selector.selected', defaultMessage: 'Selected', description: 'The certificate in force' },
  updated: { id: 'authorCertificates.selector.updated', defaultMessage: 'The certificate of this training has been updated.', description: 'After assigning' },
  madeForSite: { id: 'authorCertificates.selector.madeForSite', defaultMessage: 'made for this site', description: 'A tenant-only classic certificate' },
});

export default messages;
