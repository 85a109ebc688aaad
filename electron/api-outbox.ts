/** The outbox's part of the contract (issue: send packages to the newsroom). */
export const outboxContract = {} as const;
