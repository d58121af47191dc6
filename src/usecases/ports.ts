/**
 * The small interfaces use cases talk through. Adapters in src/store, src/graph and src/teams implement
 * them; only the composition root (src/main.ts) wires adapters to use cases.
 */

/** Where Drypp can reach a person proactively: botbuilder's conversation reference, stored as JSON. */
export interface StoredConversation {
  tenantId: string;
  userId: string; // Entra object id
  conversationId: string;
  locale?: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  find(tenantId: string, userId: string): Promise<StoredConversation | undefined>;
  /** Records that the welcome card went out in this conversation; false when it already had. */
  markWelcomed(tenantId: string, userId: string, conversationId: string, at: string): Promise<boolean>;
}

export type EnrollmentStatus = 'active' | 'completed' | 'withdrawn' | 'expired';

export interface EnrollmentSummary {
  tenantId: string;
  userId: string;
  programId: string;
  programVersion: number;
  status: EnrollmentStatus;
  enrolledAt: string;
  completedSteps: number;
  totalSteps: number;
  nextDueAt?: string;
}

export interface EnrollmentStore {
  listForPerson(tenantId: string, userId: string): Promise<EnrollmentSummary[]>;
  /** Idempotent: enrolling twice in the same program keeps the first enrollment. */
  create(enrollment: EnrollmentSummary): Promise<'created' | 'exists'>;
}

export interface HealthProbe {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}
