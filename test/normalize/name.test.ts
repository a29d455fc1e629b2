import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../src/normalize/name.js'

const surnames = ['王', '李', '张', '沈', '单', '曾', '欧阳', '尉迟', '張', '劉']
const givenChars = [...'伟芳娜思波雄信国藩乾丽莉偉華𬌗?']
const nameArb = fc
  .tuple(
    fc.constantFrom(...surnames),
    fc.array(fc.constantFrom(...givenChars), { minLength: 1, maxLength: 3 }),
  )
  .map(([s, g]) => s + g.join(''))
const noise = fc.constantFrom(' ', '\u3000', '\u200B', '\t', '\u00A0', '\uFEFF')

describe('normalizeName', () => {
  it.each([
    ['王 伟', '王伟'],
    ['王\u3000伟', '王伟'],
    ['王\u200B伟', '王伟'],
    ['張偉', '张伟'],
    ['劉德華', '刘德华'],
    ['沈思波', '沈思波'], // phrase conversion would give 沉思波
    ['蕭乾', '萧乾'], // 乾 is kept: 萧干 is somebody else
    ['於梨華', '於梨华'], // 於 is a surname of its own, not 于
    ['ＡＢＣ', 'ABC'],
    ['王?', '王?'],
    ['王\uFFFD', '王?'],
    ['阿不都·热合曼', '阿不都·热合曼'],
    ['阿不都・热合曼', '阿不都·热合曼'],
    ['阿不都•热合曼', '阿不都·热合曼'],
    ['阿不都.热合曼', '阿不都·热合曼'],
    ['阿不都．热合曼', '阿不都·热合曼'],
    ['阿不都‧热合曼', '阿不都·热合曼'],
    ['阿不都∙热合曼', '阿不都·热合曼'],
    ['阿不都⋅热合曼', '阿不都·热合曼'],
    ['阿不都－热合曼', '阿不都·热合曼'],
    ['阿不都-热合曼', '阿不都·热合曼'],
    ['阿不都 · 热合曼', '阿不都·热合曼'],
    ['阿不都··热合曼', '阿不都·热合曼'],
    ['·王伟', '王伟'],
  ])('normalizes %s to %s', (raw, norm) => {
    const name = normalizeName(raw)
    expect(name.norm).toBe(norm)
    expect(name.raw).toBe(raw)
    expect(name.placeholder).toBe(false)
  })

  it.each([
    ['张伟', '张', '伟', 'zhang', 'wei'],
    ['单雄信', '单', '雄信', 'shan', 'xiong xin'],
    ['曾国藩', '曾', '国藩', 'zeng', 'guo fan'],
    ['解缙', '解', '缙', 'xie', 'jin'],
    ['区志强', '区', '志强', 'ou', 'zhi qiang'],
    ['仇英', '仇', '英', 'qiu', 'ying'],
    ['朴树', '朴', '树', 'piao', 'shu'],
    ['查良镛', '查', '良镛', 'zha', 'liang yong'],
    ['欧阳修', '欧阳', '修', 'ou yang', 'xiu'],
    ['司马光', '司马', '光', 'si ma', 'guang'],
    ['诸葛亮', '诸葛', '亮', 'zhu ge', 'liang'],
    ['尉迟恭', '尉迟', '恭', 'yu chi', 'gong'],
    ['万俟卨', '万俟', '卨', 'mo qi', 'xie'],
    ['吕布', '吕', '布', 'lv', 'bu'],
    ['司马', '司', '马', 'si', 'ma'], // two characters: one-character surname
    ['单于飞', '单', '于飞', 'shan', 'yu fei'], // 单于 is not split off as a compound
    ['𬌗伟', '𬌗', '伟', 'he', 'wei'], // Ext-B surname: a surrogate pair is one character
    ['王?', '王', '?', 'wang', '?'],
    ['爱新觉罗·溥仪', '爱新觉罗', '溥仪', 'ai xin jue luo', 'pu yi'],
  ])('splits %s into %s + %s, read %s / %s', (raw, surname, given, surnamePinyin, givenPinyin) => {
    const name = normalizeName(raw)
    expect(name.surname).toBe(surname)
    expect(name.given).toBe(given)
    expect(name.surnamePinyin).toBe(surnamePinyin)
    expect(name.givenPinyin).toBe(givenPinyin)
    expect(name.pinyin).toBe(`${surnamePinyin} ${givenPinyin}`)
  })

  it('reads a one-character name as a surname alone', () => {
    expect(normalizeName('王')).toMatchObject({
      surname: '王',
      given: null,
      pinyin: 'wang',
      givenPinyin: null,
    })
  })

  it('gives a name without hanzi no surname and one lower-case pinyin token', () => {
    expect(normalizeName('John Smith')).toMatchObject({
      norm: 'JohnSmith',
      surname: null,
      given: 'JohnSmith',
      pinyin: 'johnsmith',
    })
  })

  it.each([
    '',
    '   ',
    '张丽之女',
    '某某之子',
    'XX之女',
    '张丽之次女',
    '婴儿',
    '男婴',
    '女婴',
    '张丽婴儿',
    '某某',
    '张某',
    '无名',
    '无名氏',
    '待定',
    '未取名',
    '?',
    '??',
    '-',
    '無名',
  ])('marks %j as a placeholder, keeping the raw text', (raw) => {
    const name = normalizeName(raw)
    expect(name.placeholder).toBe(true)
    expect(name.norm).toBeNull()
    expect(name.pinyin).toBeNull()
    expect(name.raw).toBe(raw)
  })

  it('does not mistake a real name ending in 婴 for a placeholder', () => {
    expect(normalizeName('晏婴').placeholder).toBe(false)
  })

  it('treats null and undefined as placeholders with no raw text', () => {
    expect(normalizeName(null)).toMatchObject({ raw: null, norm: null, placeholder: true })
    expect(normalizeName(undefined)).toMatchObject({ raw: null, norm: null, placeholder: true })
  })

  test.prop([fc.oneof(nameArb, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }))])(
    'is idempotent: normalizing a norm changes nothing',
    (raw) => {
      const once = normalizeName(raw)
      const twice = normalizeName(once.norm)
      expect(twice.norm).toBe(once.norm)
      if (once.norm !== null) expect(twice.pinyin).toBe(once.pinyin)
    },
  )

  test.prop([nameArb, fc.array(fc.tuple(fc.nat(), noise), { minLength: 1, maxLength: 4 })])(
    'ignores whitespace and zero-width characters anywhere in a name',
    (name, inserts) => {
      const chars = [...name]
      for (const [at, space] of inserts) chars.splice(at % (chars.length + 1), 0, space)
      expect(normalizeName(chars.join('')).norm).toBe(normalizeName(name).norm)
    },
  )

  test.prop([nameArb, nameArb, fc.constantFrom('·', '・', '•', '.', '．', '‧', '∙', '⋅', '－', '-')])(
    'writes every middle-dot look-alike between two name parts as U+00B7',
    (left, right, dot) => {
      const name = normalizeName(left + dot + right)
      expect(name.norm).toBe(`${normalizeName(left).norm}·${normalizeName(right).norm}`)
      expect(name.surname).toBe(normalizeName(left).norm)
    },
  )

  test.prop([nameArb])('spells one syllable per character, surname first', (raw) => {
    const name = normalizeName(raw)
    expect(name.pinyin?.split(' ')).toHaveLength([...(name.norm ?? '')].length)
    expect(name.pinyin).toBe(`${name.surnamePinyin} ${name.givenPinyin}`)
    expect(name.norm).toBe(`${name.surname}${name.given}`)
  })

  // Hanzi-only names take the fast path; a zero-width space (removed in cleaning) forces the general one.
  const hanziName = fc.oneof(
    nameArb.filter((s) => !s.includes('?') && !s.includes('𬌗')),
    fc
      .array(
        fc.constantFrom(
          ...'王李张沈单曾欧阳司马尉迟萬俟張劉伟芳乾於昇陞勣吒偉華之女婴儿某无名氏待定未取暂不详空新生',
        ),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .map((c) => c.join('')),
    fc
      .array(
        fc.integer({ min: 0x3400, max: 0x9fff }).map((c) => String.fromCharCode(c)),
        { minLength: 1, maxLength: 4 },
      )
      .map((c) => c.join('')),
  )

  test.prop([hanziName])('reads a hanzi-only name as the general path reads it', (raw) => {
    expect(normalizeName(raw)).toEqual({ ...normalizeName(`${raw}\u200B`), raw })
  })

  it('gives null and blank input one shared answer each that cannot be changed', () => {
    expect(normalizeName(null)).toBe(normalizeName(undefined))
    expect(Object.isFrozen(normalizeName(null))).toBe(true)
    expect(normalizeName('')).toBe(normalizeName(''))
    expect(normalizeName('')).toMatchObject({ raw: '', norm: null, placeholder: true })
  })

  test.prop([fc.string({ unit: 'binary' })])('never throws, and a placeholder never has a norm', (raw) => {
    const name = normalizeName(raw)
    expect(name.placeholder).toBe(name.norm === null)
  })
})
