// The issues of an import: all counted, the first ones kept.

import type { LineIssue } from './types.ts';

export const MAX_KEPT_ISSUES = 1000;

export class IssueLog {
  private readonly kept: LineIssue[] = [];
  private count = 0;

  add(line: number, field: string | undefined, reason: string): void {
    this.count++;
    if (this.kept.length < MAX_KEPT_ISSUES) {
      this.kept.push(field === undefined ? { line, reason } : { line, field, reason });
    }
  }

  result(): { issues: LineIssue[]; issueCount: number } {
    return { issues: this.kept, issueCount: this.count };
  }
}
