/** The agencies whose exports bidui reads. The register is the one being corrected. */
export const agencies = ['police', 'civil', 'health', 'register'] as const

/** 公安 police, 民政 civil affairs, 卫生 health, 计生 family-planning register. */
export type Agency = (typeof agencies)[number]
