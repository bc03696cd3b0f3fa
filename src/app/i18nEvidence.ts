/** Labels of the about line, of Export when the editor differs from the results shown, and of carried bargaining results. */
import { TERMS } from '../evidence/glossary.ts';

export const EVIDENCE_ZH = {
  'app.about': 'Fairpace {version} · 模型指纹 {digest}',
  'app.aboutTitle': '模型指纹：模型全部源代码和情景默认值的 SHA-256。证据包记录它，核验时先比对它。',
  'export.differs': '编辑器中的情景已修改，与屏幕上的结果不一致（屏幕上的结果来自修改前的情景）。要导出哪一个？',
  'export.runEdited': '运行修改后的情景并导出',
  'export.shown': '导出屏幕上的结果（连同其原情景）',
  'export.back': '取消',
  'export.editedInvalid': '修改后的情景有无效字段，无法运行；只能导出屏幕上的结果。',
  'export.include': '一并导出屏幕上的谈判工具结果（与 `fairpace evidence --include` 相同）：',
  'export.kind.target': TERMS.target.zh,
  'export.kind.sensitivity': TERMS.sensitivity.zh,
  'export.kind.zone': TERMS.zone.zh,
  'export.kind.robustness': TERMS.robustness.zh,
  'export.notRun': '（尚未运行）',
  'export.included': '包含谈判工具结果：{list}。',
  'export.leftOut': '未包含（它们是在另一个情景上算出的）：{list}。',
  'export.showsEdited': '屏幕上的结果已换成修改后情景的结果。',
  'export.listSeparator': '、',
  'evidence.otherModel':
    '未核验：{file} 由另一个模型生成（其模型指纹 {theirs}，Fairpace {version}），本工作台的模型指纹为 {ours}（Fairpace {ourVersion}）。没有重新运行；请用 Fairpace {version} 核验。',
  'evidence.noFingerprint': '无（证据包开始记录模型指纹之前生成）',
};

export const EVIDENCE_EN: Record<keyof typeof EVIDENCE_ZH, string> = {
  'app.about': 'Fairpace {version} · model fingerprint {digest}',
  'app.aboutTitle':
    'Model fingerprint: SHA-256 of every source file in src/sim and of the scenario defaults. Evidence packs record it, and verification compares it first.',
  'export.differs':
    'The scenario in the editor has changed and no longer matches the results on screen (they come from the scenario before your edits). Which do you want to export?',
  'export.runEdited': 'Run the edited scenario and export it',
  'export.shown': 'Export the results on screen, with their own scenario',
  'export.back': 'Cancel',
  'export.editedInvalid':
    'The edited scenario has invalid fields and cannot run; only the results on screen can be exported.',
  'export.include': 'Include the bargaining results on screen (as `fairpace evidence --include` does):',
  'export.kind.target': TERMS.target.en,
  'export.kind.sensitivity': TERMS.sensitivity.en,
  'export.kind.zone': TERMS.zone.en,
  'export.kind.robustness': TERMS.robustness.en,
  'export.notRun': '(not run yet)',
  'export.included': 'Includes the bargaining results: {list}.',
  'export.leftOut': 'Left out (computed on another scenario): {list}.',
  'export.showsEdited': 'The results on screen are now those of the edited scenario.',
  'export.listSeparator': ', ',
  'evidence.otherModel':
    'Not verified: {file} was made by another model (its model fingerprint {theirs}, Fairpace {version}); this workbench’s model fingerprint is {ours} (Fairpace {ourVersion}). Nothing was re-run; verify it with Fairpace {version}.',
  'evidence.noFingerprint': 'none (made before packs recorded a model fingerprint)',
};
