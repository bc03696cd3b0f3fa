/** Labels of the about line (the model fingerprint) and of a pack made by another model. */

export const EVIDENCE_ZH = {
  'app.about': 'Fairpace {version} · 模型指纹 {digest}',
  'app.aboutTitle': '模型指纹：对 src/sim 中全部源文件和情景默认值的 SHA-256。证据包记录它，核验时先比对它。',
  'evidence.otherModel':
    '未核验：{file} 由另一个模型生成（其模型指纹 {theirs}，Fairpace {version}），本工作台的模型指纹为 {ours}（Fairpace {ourVersion}）。没有重新运行；请用 Fairpace {version} 核验。',
  'evidence.noFingerprint': '无（证据包开始记录模型指纹之前生成）',
};

export const EVIDENCE_EN: Record<keyof typeof EVIDENCE_ZH, string> = {
  'app.about': 'Fairpace {version} · model fingerprint {digest}',
  'app.aboutTitle':
    'Model fingerprint: SHA-256 of every source file in src/sim and of the scenario defaults. Evidence packs record it, and verification compares it first.',
  'evidence.otherModel':
    'Not verified: {file} was made by another model (its model fingerprint {theirs}, Fairpace {version}); this workbench’s model fingerprint is {ours} (Fairpace {ourVersion}). Nothing was re-run; verify it with Fairpace {version}.',
  'evidence.noFingerprint': 'none (made before packs recorded a model fingerprint)',
};
