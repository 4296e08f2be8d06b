import { z } from "zod";

/**
 * One event of a generation's stream (platform-api `events.Event`), as the WebSocket and
 * `GET .../generations/{gen}/events` send it. `seq` starts at 1 and grows by one per generation,
 * without gaps; `data` depends on `type` and is read by whoever shows it.
 */
export const liveEventSchema = z.object({
  seq: z.number().int().positive(),
  generationId: z.string(),
  projectId: z.string(),
  type: z.string(),
  stage: z.string().nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
