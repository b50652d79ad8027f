export * from './handles-job.decorator';
export * from './handoff-event-message';
export * from './entities/outbox.entity';
