/**
 * Korean captions, comments and names with emoji, including multi-codepoint ones (ZWJ
 * families, skin tones, flags, variation selectors), so storage and paging code meets the
 * characters real accounts post. Lengths are counted in code points; Instagram's caption
 * limit is 2,200 characters.
 */
import type { SeededRandom } from './seeded-random.js';

/** Whitespace-separated words of a template (keeps long word lists compact). */
function words(text: string): readonly string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function lines(text: string): readonly string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const WORDS: readonly string[] = words(`
  오늘 카페 커피 맛있는 여행 서울 부산 제주도 바다 하늘 사랑 행복 주말 친구 가족 일상 감성 사진 신상 이벤트 할인 좋아요 새로운 메뉴 출시
  봄 여름 가을 겨울 맛집 디저트 케이크 빵 브런치 산책 운동 요가 패션 코디 데일리룩 뷰티 추천 리뷰 후기 정말 너무 최고 예쁜 귀여운 강아지
  고양이 꽃 공원 한강 야경 퇴근 월요일 금요일 감사합니다 함께해요 기대해주세요 오픈 한정판
`);

const HASHTAGS: readonly string[] = words(`
  #일상 #데일리 #맛집 #카페 #여행 #서울 #좋아요 #팔로우 #instagood #ootd #먹스타그램 #셀스타그램 #주말 #신상 #이벤트
`);

/** Single and multi-codepoint emoji; the family and flag ones are several code points. */
export const EMOJI: readonly string[] = words(`
  😍 😂 🥰 🔥 ✨ 🙏 🎉 🍜 🫶 ❤️ ☕️ 👍🏽 🇰🇷 👨‍👩‍👧 👩🏻‍💻 🏳️‍🌈
`);

const COMMENT_PHRASES: readonly string[] = lines(`
  너무 예뻐요
  가보고 싶어요!
  대박
  ㅋㅋㅋㅋ
  좋아요 누르고 갑니다
  우와
  정보 감사합니다
  가격이 궁금해요
  DM 드렸어요
  가족 여행 최고
  저도 다녀왔어요
  언제까지 하나요?
  색감 미쳤다
  구매 어디서 하나요?
  오늘도 힘내세요
`);

const NAME_PARTS: readonly string[] = words(`
  seoul kim lee park choi jung daily cafe travel food min ji hyun soo yeon han
  bora dal coffee mood
`);

const ACCOUNT_NAMES: readonly string[] = lines(`
  서울 카페 연구소
  민지의 일상
  제주 바다 여행
  오늘의 디저트
  한강 러닝 크루
  데일리 코디 북
  부산 맛집 지도
  고양이 다방
  봄날의 꽃집
  야경 사진관
`);

function codePointLength(text: string): number {
  return Array.from(text).length;
}

function sentence(rng: SeededRandom): string {
  const parts: string[] = [];
  const count = rng.int(3, 9);
  for (let i = 0; i < count; i += 1) parts.push(rng.pick(WORDS));
  if (rng.chance(0.6)) parts.push(rng.pick(EMOJI));
  return parts.join(' ') + (rng.chance(0.5) ? '.' : '!');
}

/** A caption of exactly `length` code points (0 = no caption). */
export function caption(rng: SeededRandom, length: number): string {
  if (length <= 0) return '';
  const tokens: string[] = [];
  let size = 0;
  for (;;) {
    const token = rng.chance(0.15) ? rng.pick(HASHTAGS) : sentence(rng);
    const extra = codePointLength(token) + (tokens.length > 0 ? 1 : 0);
    if (size + extra > length) break;
    tokens.push(token);
    size += extra;
  }
  // Pad with syllables so the length is exact without cutting an emoji sequence in half.
  let text = tokens.join(rng.chance(0.3) ? '\n' : ' ');
  for (let missing = length - codePointLength(text); missing > 0; missing -= 1) {
    text += missing === 1 ? '다' : rng.pick(['하', '늘', '바', '다', ' ']);
  }
  return text;
}

/** Caption lengths: some empty, mostly short, a few up to the 2,200 limit. */
export function captionLength(rng: SeededRandom): number {
  const roll = rng.next();
  if (roll < 0.1) return 0;
  if (roll < 0.7) return rng.int(10, 150);
  if (roll < 0.95) return rng.int(150, 600);
  return rng.int(600, 2200);
}

export function commentText(rng: SeededRandom, mention?: string): string {
  const parts: string[] = [];
  if (mention && rng.chance(0.2)) parts.push(`@${mention}`);
  parts.push(rng.pick(COMMENT_PHRASES));
  if (rng.chance(0.5)) parts.push(rng.pick(EMOJI));
  if (rng.chance(0.2)) parts.push(sentence(rng));
  return parts.join(' ');
}

export function username(rng: SeededRandom): string {
  const base = `${rng.pick(NAME_PARTS)}${rng.chance(0.5) ? '_' : '.'}${rng.pick(NAME_PARTS)}`;
  return rng.chance(0.6) ? `${base}${rng.int(1, 999)}` : base;
}

export function accountName(rng: SeededRandom, index: number): string {
  return `${ACCOUNT_NAMES[index % ACCOUNT_NAMES.length]} ${rng.pick(EMOJI)}`;
}

export function biography(rng: SeededRandom): string {
  return `${sentence(rng)}\n${rng.pick(HASHTAGS)} ${rng.pick(HASHTAGS)} 📍서울`;
}
