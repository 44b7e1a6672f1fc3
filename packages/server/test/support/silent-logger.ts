import { pino } from 'pino';

/** For components under test that take a logger: nothing is printed. */
export const silentLogger = pino({ level: 'silent' });
