/**
 * The column every page, the header and the footer share: one width for the whole site, so the header's
 * logo and sign-out line up with the content on every page, wide tables included.
 */
export const PAGE_COLUMN = "mx-auto w-full max-w-7xl px-4 sm:px-6";
