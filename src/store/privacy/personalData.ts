// What the privacy tables hold (see ./registry.ts).
export const privacyPersonalData = [];
