// Dates as the workspace pages show them, in the reader's locale.
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDate = (value: string): string => date.format(new Date(value));
