// Dates as the workspace pages show them, in the reader's locale.
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDate = (value: string): string => date.format(new Date(value));

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (value: string): string => dateTime.format(new Date(value));
