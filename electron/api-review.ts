/** Editor review mode's part of the contract (open a package, review, comment, decide). */
export const reviewContract = {} as const;
