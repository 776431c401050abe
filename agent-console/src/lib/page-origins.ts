// The origins a visitor's page may be linked on: this server's and the agent's site's.
import { createContext } from 'preact';

export const PageOrigins = createContext<readonly string[]>([]);
