export * from './priority';
export * from './zoned-time';
export * from './business-calendar';
export * from './deadline-policy';
export * from './sla-referral';
export * from './sla-state';
export * from './shift-deadlines-for-hold';
export * from './escalation-schedule';
