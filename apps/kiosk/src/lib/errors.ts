import { createErrorMessages } from '@pulih/ui/errors';

/** The kiosk's one error handler: the appCodes every app explains, in the kiosk's own words. */
export const { describeError, messageKeyOf } = createErrorMessages();
