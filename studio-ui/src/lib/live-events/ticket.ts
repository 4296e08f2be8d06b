import { z } from "zod";
import { api } from "@/lib/api-client";

/** `TicketController`: a single-use ticket for the WebSocket, valid about 30 seconds. */
const ticketSchema = z.object({ ticket: z.string().min(1), expiresAt: z.string() });

/** `POST /api/v1/ws/tickets`: a browser cannot put a bearer token on a WebSocket handshake. */
export async function issueTicket(): Promise<string> {
  const { ticket } = await api.request("/api/v1/ws/tickets", { method: "POST", schema: ticketSchema });
  return ticket;
}
