/**
 * The TypeScript parser's syntax messages in Korean. The parser speaks English only; every
 * diagnostic a learner's loss file can meet while it is transpiled (the scanner's and the
 * parser's, codes from TypeScript's diagnosticMessages.json) gets a Korean sentence of its own.
 * One the table does not know gets a general Korean sentence; its English text stays in the
 * English message only, never inside the Korean one.
 *
 * The Korean sentences end without a period (learnerErrors.syntax adds it) and glue no particle
 * to a quoted token: the token is shown after a colon or before a noun (기호, 키워드).
 */
import ts from 'typescript';

/** `}` → "'}' 기호가", `catch` → "'catch' 키워드가": a noun after the token carries the particle. */
const isWord = (t: string | undefined) => /^[A-Za-z]+$/.test(t ?? '');
const subject = (t: string | undefined) => (isWord(t) ? `'${t}' 키워드가` : `'${t ?? ''}' 기호가`);
const partner = (t: string | undefined) => (isWord(t) ? `'${t}' 키워드와` : `'${t ?? ''}' 기호와`);

/** A unary operator before `**`, written as the learner would: `-w`, `typeof w`. */
const unary = (op: string | undefined) => (/^[a-z]/.test(op ?? '') ? `${op} ` : (op ?? '-'));

const KOREAN: Record<number, (args: string[]) => string> = {
  // Strings, comments, templates, regular expressions.
  1002: () => '문자열이 닫히지 않았습니다. 여는 따옴표와 같은 따옴표로 닫으세요',
  1010: () => "주석이 닫히지 않았습니다. '*/'로 닫으세요",
  1160: () => '템플릿 문자열이 닫히지 않았습니다. 백틱(`)으로 닫으세요',
  1161: () => '정규식이 닫히지 않았습니다. 끝에 / 를 쓰세요',
  1198: () => '유니코드 이스케이프 값은 0x0 이상 0x10FFFF 이하여야 합니다',
  1199: () => '유니코드 이스케이프(\\u)가 끝나지 않았습니다',
  1487: ([use]) => `문자열 안에는 8진수 이스케이프를 쓸 수 없습니다. 대신 쓸 표기: '${use ?? '\\x00'}'`,
  1488: ([escape]) => `문자열 안에 쓸 수 없는 이스케이프입니다: '${escape ?? ''}'`,
  1127: () => '쓸 수 없는 문자가 있습니다. 다른 곳에서 복사해 온 특수 문자나 전각 기호가 아닌지 확인하세요',
  1490: () => '텍스트가 아닌 파일(바이너리 파일)로 보입니다',
  18026: () => "'#!'는 파일 맨 첫 줄에만 쓸 수 있습니다",
  // Numbers.
  1121: ([use]) => `0으로 시작하는 8진수 표기는 쓸 수 없습니다. 10진수라면 앞의 0을 지우고, 8진수라면 이렇게 쓰세요: '${use ?? '0o10'}'`,
  1489: () => '0으로 시작하는 10진수(예: 08)는 쓸 수 없습니다. 앞의 0을 지우세요',
  1124: () => '숫자가 와야 합니다. 지수 표기라면 1e5처럼 e 뒤에 숫자를 쓰세요',
  1125: () => '16진수 숫자(0–9, a–f)가 와야 합니다',
  1177: () => '2진수 숫자(0 또는 1)가 와야 합니다',
  1178: () => '8진수 숫자(0–7)가 와야 합니다',
  1351: () => '숫자 바로 뒤에 이름이 올 수 없습니다. 곱셈이라면 3 * w처럼 * 를 쓰세요',
  1352: () => 'n으로 끝나는 BigInt 수에는 지수 표기(e)를 쓸 수 없습니다',
  1353: () => 'n으로 끝나는 BigInt 수는 정수여야 합니다',
  6188: () => '숫자 구분 기호(_)는 숫자와 숫자 사이에만 쓸 수 있습니다',
  6189: () => '숫자 구분 기호(_)를 연달아 쓸 수 없습니다',
  // Operators.
  17006: ([op]) =>
    `거듭제곱(**)의 왼쪽에는 단항 연산자를 괄호 없이 쓸 수 없습니다. 괄호로 뜻을 정하세요(예: ${unary(op)}(w ** 2) 또는 (${unary(op)}w) ** 2)`,
  17007: () => '거듭제곱(**)의 왼쪽에는 타입 단언을 괄호 없이 쓸 수 없습니다. 왼쪽 항을 괄호로 감싸세요',
  // Something missing or in the wrong place.
  1003: () => '이름(식별자)이 와야 합니다',
  1005: ([t]) => `여기에 ${subject(t)} 있어야 합니다`,
  1007: ([open, close]) => `앞의 ${partner(open)} 짝이 되는 ${subject(close)} 있어야 합니다`,
  1009: () => '끝에 쉼표가 올 수 없습니다',
  1011: () => '대괄호 안에 값이 있어야 합니다',
  1012: () => '여기에 올 수 없는 기호입니다',
  1109: () => '식(값)이 와야 합니다',
  1110: () => '타입이 와야 합니다',
  1126: () => '파일이 예상보다 일찍 끝났습니다. 닫히지 않은 괄호가 있는지 확인하세요',
  1128: () => '선언이나 문장이 와야 합니다. 괄호가 짝이 맞는지 확인하세요',
  1129: () => '문장이 와야 합니다',
  1130: () => 'switch 안에는 case나 default가 와야 합니다',
  1131: () => '속성 이름이 와야 합니다',
  1134: () => '변수 선언이 와야 합니다',
  1135: () => '함수에 넘길 값(인수)이 와야 합니다',
  1136: () => "객체의 속성('이름: 값')이 와야 합니다",
  1137: () => '식이나 쉼표가 와야 합니다',
  1138: () => '함수 매개변수 선언이 와야 합니다',
  1142: () => '여기서는 줄을 바꿀 수 없습니다',
  1144: () => "'{' 또는 ';' 기호가 와야 합니다",
  1146: () => '선언이 와야 합니다',
  1179: () => "'{' 기호가 와야 합니다",
  1180: () => '객체 구조 분해 패턴이 와야 합니다',
  1181: () => '배열 구조 분해 패턴이 와야 합니다',
  1359: ([word]) => `이름(식별자)이 와야 합니다. 예약어는 여기에 쓸 수 없습니다: '${word ?? ''}'`,
  1389: ([word]) => `예약어라서 변수 이름으로 쓸 수 없습니다: '${word ?? ''}'`,
  1390: ([word]) => `예약어라서 함수 매개변수 이름으로 쓸 수 없습니다: '${word ?? ''}'`,
  1434: () => '예상하지 못한 키워드나 이름입니다',
  1435: ([word]) => `알 수 없는 키워드나 이름입니다. 비슷한 키워드: '${word ?? ''}'`,
  1440: () => '여기서는 변수를 선언할 수 없습니다',
  1442: () => "속성에 값을 주려면 '=' 기호가 와야 합니다",
  1472: () => 'try 블록 뒤에는 catch나 finally가 와야 합니다',
  2809: () => '선언이나 문장이 와야 합니다. 구조 분해 대입이라면 문장 전체를 괄호로 감싸세요',
};

/** Regular-expression syntax (1499–1538): one Korean sentence for all of them. */
const REGEX = (code: number) => code >= 1499 && code <= 1538;

/** For a diagnostic the table does not know: what happened, in Korean, without the English text. */
const GENERAL = '이 부분의 문법을 해석할 수 없습니다. 표시된 곳 근처에 빠지거나 남는 기호가 있는지 확인하세요';

/** The quoted parts of an English message, in order (`'{0}' expected.` → ['{0}']). */
function quoted(message: string): string[] {
  return Array.from(message.matchAll(/'([^']*)'/g), (m) => m[1]);
}

/** Korean and English text of one syntax diagnostic (the Korean without a final period). */
export function syntaxMessage(d: ts.Diagnostic): { ko: string; en: string } {
  const en = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  const ko = KOREAN[d.code]?.(quoted(en)) ?? (REGEX(d.code) ? '정규식의 문법이 잘못되었습니다' : GENERAL);
  return { ko, en };
}

/** Diagnostics the parser reports at the end of the file although the cause is where something opened. */
const OPENED_EARLIER = new Set([
  1010, // '*/' expected: an unclosed /* comment
  1160, // Unterminated template literal
]);

/**
 * Where to show a syntax error: the diagnostic's own span, except for an unclosed comment or
 * template literal, which the parser reports at the end of the file — shown instead where it opens.
 */
export function syntaxSpan(d: ts.Diagnostic, source: string): { start: number; end: number } {
  const start = d.start ?? 0;
  const own = { start, end: start + (d.length ?? 0) };
  if (!OPENED_EARLIER.has(d.code)) return own;
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
  // Braces opened inside `${…}` of a template end that substitution, not a block: rescan them as
  // template text. Each template remembers where its backtick is: an unclosed one is shown there.
  const braces: Array<number | 'block'> = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    let opened = scanner.getTokenStart();
    if (token === ts.SyntaxKind.OpenBraceToken) braces.push('block');
    else if (token === ts.SyntaxKind.TemplateHead) braces.push(opened);
    else if (token === ts.SyntaxKind.CloseBraceToken) {
      const top = braces.pop();
      if (top !== undefined && top !== 'block') {
        token = scanner.reScanTemplateToken(false);
        opened = top;
        if (token === ts.SyntaxKind.TemplateMiddle) braces.push(top);
      }
    }
    if (scanner.isUnterminated()) return { start: opened, end: opened + 1 };
  }
  return own;
}
