import type { ReportEntry, ReportingChange } from '../../domain/managers/reportingTree.ts';

/** What the tab's team views need from outside, beyond the learning and directory stores. */

export interface ManagerIndex {
  /** A manager's direct reports: one partition query. */
  reportsOf(tenantId: string, managerId: string): Promise<ReportEntry[]>;
  apply(tenantId: string, changes: ReportingChange[]): Promise<void>;
}

/** A learning-time request as the read views need it (the managers capability stores them). */
export interface LearningTimeRequestSummary {
  id: string;
  tenantId: string;
  learnerId: string;
  date: string;
  minutes: number;
  purpose: { kind: 'program'; programId: string } | { kind: 'text'; text: string };
  status: 'pending' | 'approved' | 'denied' | 'cancelled';
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  comment?: string;
  booking?: 'waiting' | 'booked' | 'failed';
}

export interface LearningTimeRequestReader {
  listForLearner(tenantId: string, learnerId: string): Promise<LearningTimeRequestSummary[]>;
  listPending(tenantId: string): Promise<LearningTimeRequestSummary[]>;
}

/** Until learning-time requests are stored, there are none to show. */
export const noLearningTimeRequests: LearningTimeRequestReader = {
  listForLearner: async () => [],
  listPending: async () => [],
};
