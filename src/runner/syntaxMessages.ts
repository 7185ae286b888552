/**
 * The TypeScript parser's syntax messages in Korean, for the ones learners meet most. The parser
 * speaks English only; an unknown message is shown as it is inside the Korean sentence.
 * Codes from TypeScript's diagnosticMessages.json.
 */
import ts from 'typescript';

const KOREAN: Record<number, (args: string[]) => string> = {
  1002: () => '문자열이 닫히지 않았습니다. 따옴표를 닫으세요',
  1003: () => '이름(식별자)이 와야 합니다',
  1005: ([token]) => `'${token}'이(가) 있어야 합니다`,
  1009: () => '끝에 쉼표가 올 수 없습니다',
  1010: () => "주석이 닫히지 않았습니다. '*/'로 닫으세요",
  1011: () => '대괄호 안에 값이 있어야 합니다',
  1109: () => '식(값)이 와야 합니다',
  1110: () => '타입이 와야 합니다',
  1126: () => '파일이 예상보다 일찍 끝났습니다. 닫히지 않은 괄호가 있는지 확인하세요',
  1127: () => '쓸 수 없는 문자가 있습니다',
  1128: () => '선언이나 문장이 와야 합니다. 괄호가 짝이 맞는지 확인하세요',
  1134: () => '변수 선언이 와야 합니다',
  1135: () => '함수에 넘길 값(인수)이 와야 합니다',
  1136: () => "객체의 속성('이름: 값')이 와야 합니다",
  1138: () => '매개변수 선언이 와야 합니다',
  1160: () => '템플릿 문자열이 닫히지 않았습니다. 백틱(`)으로 닫으세요',
  1161: () => '정규식이 닫히지 않았습니다',
  1351: () => '숫자 바로 뒤에 이름이 올 수 없습니다',
  1434: () => '예상하지 못한 키워드나 이름입니다',
};

/** The quoted parts of an English message, in order (`'{0}' expected.` → ['{0}']). */
function quoted(message: string): string[] {
  return Array.from(message.matchAll(/'([^']*)'/g), (m) => m[1]);
}

/** Korean and English text of one syntax diagnostic. */
export function syntaxMessage(d: ts.Diagnostic): { ko: string; en: string } {
  const en = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  const ko = KOREAN[d.code]?.(quoted(en)) ?? en;
  return { ko, en };
}
