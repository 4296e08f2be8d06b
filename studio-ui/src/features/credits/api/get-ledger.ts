import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "@/lib/api-client";
import { instantSchema } from "@/types/api";
import { creditsQueryKey } from "./get-credits";

/** `CreditRecords.LedgerEntry`: `credits` is the change to the balance (0 for holds). */
const entrySchema = z.object({
  id: z.string(),
  at: instantSchema,
  type: z.string(),
  credits: z.number(),
  amount: z.number(),
  reason: z.string().nullable(),
  operation: z.string().nullable(),
  operationRef: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof entrySchema>;

const pageSchema = z.object({
  page: z.number().int(),
  size: z.number().int(),
  hasMore: z.boolean(),
  entries: z.array(entrySchema),
});

const LEDGER_PAGE_SIZE = 25;

/** `GET /api/v1/orgs/{org}/credits/ledger?page=&size=` (viewer+): newest first. */
export function getLedger(orgId: string, page: number, signal?: AbortSignal) {
  return api.request(
    `/api/v1/orgs/${encodeURIComponent(orgId)}/credits/ledger?page=${page}&size=${LEDGER_PAGE_SIZE}`,
    { schema: pageSchema, signal },
  );
}

/** One page; the previous page stays on screen while the next one loads. */
export function useLedger(orgId: string, page: number) {
  return useQuery({
    queryKey: [...creditsQueryKey(orgId), "ledger", page],
    queryFn: ({ signal }) => getLedger(orgId, page, signal),
    placeholderData: keepPreviousData,
  });
}
