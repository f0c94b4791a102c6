/**
 * The contract's enums. They are defined once, in domain/states.ts (the ground floor: the pure rules need them and
 * import nothing of the project); the contract hands them on from here.
 */
export * from '../domain/states'
