// The search form's id, for the controls outside it (filters) that submit with it; a plain module, so server and client
// components both read the string.
export const SEARCH_FORM_ID = 'search-form';
