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

/** A person's enrollment in one program; progress figures are kept here so "my learning" is one query. */
export interface Enrollment {
  tenantId: string;
  userId: string;
  programId: string;
  programVersion: number;
  status: EnrollmentStatus;
  enrolledAt: string;
  completedSteps: number;
  totalSteps: number;
  nextDueAt?: string;
  /** The anchor of the schedule (ISO), and the hire date when the program counts from it. */
  startAt?: string;
  hireDate?: string;
  timeZone?: string;
  /** Last time the person answered anything in this program (engagement). */
  lastActiveAt?: string;
  completedAt?: string;
  /** The row's ETag, for updates that must not overwrite a concurrent change. */
  etag?: string;
}

/** @deprecated name kept for the first callers; an enrollment is the summary. */
export type EnrollmentSummary = Enrollment;

export interface EnrollmentStore {
  listForPerson(tenantId: string, userId: string): Promise<Enrollment[]>;
  listForProgram(tenantId: string, programId: string): Promise<Enrollment[]>;
  get(tenantId: string, userId: string, programId: string): Promise<Enrollment | undefined>;
  /** Idempotent: enrolling twice in the same program keeps the first enrollment. */
  create(enrollment: Enrollment): Promise<'created' | 'exists'>;
  /** Writes the enrollment if nobody changed it since it was read (its etag); 'conflict' otherwise. */
  update(enrollment: Enrollment): Promise<'updated' | 'conflict'>;
}

export interface HealthProbe {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}
