/** Where Drypp can reach a person proactively: botbuilder's conversation reference, stored as JSON. */
export interface StoredConversation {
  tenantId: string;
  userId: string; // Entra object id
  conversationId: string;
  locale?: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}
