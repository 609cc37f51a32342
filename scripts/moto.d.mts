export declare const MOTO_INSTALL_HINT: string;
export declare function findMotoPython(): { python: string; version: string; executable: string } | undefined;
export declare function startMoto(python: string, timeoutMs?: number): Promise<{ url: string; stop: () => void }>;
