// ___INFO___: how the template presents itself in GTM and in the Community Template Gallery.
// The thumbnail is a 48×48 PNG drawn for this project (a person and three destinations).
import type { TemplateSource } from '../toolchain/builder/template';

export const INFO: TemplateSource['info'] = {
  displayName: 'Identify: Segment, Customer.io, Gist, Mutiny, Connecto, Antsomi',
  categories: ['ANALYTICS', 'PERSONALIZATION', 'MARKETING'],
  brand: {
    id: 'brand_dummy',
    displayName: 'gtm-identify',
    thumbnail: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAyklEQVR42u2ayQ2AMAwE86MHmqJZGqAyUD48AIUcvjb2Sv7vKFF8JaWC1m0/LURqkRXTXTDWzRchUMx/QqCZf0EEgCYAqvkbIgCI4zwWTIBs/BmiAFlwACWNmq+FSBzmqSDYTqBFbgBEXyFOAPY80CNziQz6BALASi3EbR4qE4/kAzO1kDoAl/k/CJP9QFyhqV8h6FJiROoAFFIDoFQAtAJwSLQjkwJg64kDoAJAZS403WjRPQD8dNrlliaWfLEr9rqtn/ezB+J3mwuFJbZj7+sVrQAAAABJRU5ErkJggg==',
  },
  description: 'Tell Segment, Customer.io, Gist, Mutiny, Connecto and Antsomi CDP365 who the visitor is, from one tag and ' +
    'without code: user ID, email, typed traits, tags and company, or a logout (Reset). Optional ID hashing, consent check ' +
    'and skip-if-unchanged.',
};
