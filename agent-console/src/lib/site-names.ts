// The names of the sites the agent works on, by id: a chat's site badge shows when there are several.
import { createContext } from 'preact';

export const SiteNames = createContext<Readonly<Record<string, string>>>({});
