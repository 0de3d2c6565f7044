// The ___TERMS_OF_SERVICE___ body GTM writes when the author accepts the Community Template Gallery
// developer terms (identical in every GTM export examined, wrapped at 80 columns).
export const GALLERY_TERMS_OF_SERVICE = [
  "By creating or modifying this file you agree to Google Tag Manager's Community",
  'Template Gallery Developer Terms of Service available at',
  'https://developers.google.com/tag-manager/gallery-tos (or such other URL as',
  'Google may provide), as modified from time to time.',
].join('\n');
