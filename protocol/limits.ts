// Sizes the wire accepts, shared by the server's schemas and the clients that must stay within
// them (a client that trims to these never sends a payload the server rejects). Dependency-free:
// the widget and the console import it at run time.

/** Characters in one chat message, from a visitor or an agent. */
export const MAX_MESSAGE_CHARS = 5000;
/** A page's URL (and a referrer) as reported by the widget. */
export const MAX_PAGE_URL_CHARS = 2048;
/** A page's title as reported by the widget. */
export const MAX_PAGE_TITLE_CHARS = 300;
