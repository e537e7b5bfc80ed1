import { failure } from "../../support/failure";
import { allCompanies, companyName, findCompany } from "../../../src/core/data/companies";
import { matchKey } from "../../../src/core/data/vocabulary";

describe("findCompany", () => {
  it.each([
    ["OpenAI", "openai"],
    ["오픈AI", "openai"],
    ["Open AI", "openai"],
    ["open-ai", "openai"],
    ["ＯｐｅｎＡＩ", "openai"],
    ["  openai  ", "openai"],
    ["Oracle", "oracle"],
    ["ORCL", "oracle"],
    ["Naver", "naver"],
    ["NAVER", "naver"],
    ["네이버", "naver"],
    ["035420", "naver"],
    ["Meta", "meta"],
    ["Meta Platforms", "meta"],
    ["meta platforms", "meta"],
    ["Facebook", "meta"],
    ["메타", "meta"],
    ["Tesla", "tesla"],
    ["테슬라", "tesla"],
    ["Dell", "dell"],
    ["IBM", "ibm"],
    ["Microsoft", "microsoft"],
    ["마이크로소프트", "microsoft"],
    ["MSFT", "microsoft"],
    ["Alphabet", "alphabet"],
    ["Google", "alphabet"],
    ["구글", "alphabet"],
    ["알파벳", "alphabet"],
    ["GOOGL", "alphabet"],
    ["GOOG", "alphabet"],
    ["Amazon", "amazon"],
    ["아마존", "amazon"],
    ["AMZN", "amazon"],
    ["Samsung Electronics", "samsung-electronics"],
    ["삼성전자", "samsung-electronics"],
    ["Samsung", "samsung-electronics"],
    ["005930", "samsung-electronics"],
    ["SK", "sk-group"],
    ["SK Group", "sk-group"],
    ["SK그룹", "sk-group"],
    ["034730", "sk-group"],
    ["SK hynix", "sk-hynix"],
    ["SK Hynix", "sk-hynix"],
    ["SK하이닉스", "sk-hynix"],
    ["SK 하이닉스", "sk-hynix"],
    ["000660", "sk-hynix"],
    ["LG", "lg-group"],
    ["LG Group", "lg-group"],
    ["LG그룹", "lg-group"],
    ["003550", "lg-group"],
    ["Kakao", "kakao"],
    ["카카오", "kakao"],
    ["035720", "kakao"],
    ["samsung-electronics", "samsung-electronics"],
  ])("finds %s as %s", (name, id) => {
    expect(findCompany(name).id).toBe(id);
  });

  it("throws #N/A unknownCompany with the exact English message", () => {
    const error = failure(() => findCompany("Acme AI"));
    expect([error.kind, error.key]).toEqual(["na", "unknownCompany"]);
    expect(error.message).toBe("Unknown company 'Acme AI' — see AI_COMPANIES()");
    expect(error.text("ko")).toBe("알 수 없는 회사 'Acme AI' — AI_COMPANIES()를 참고하세요");
  });

  it.each(["", "   "])("throws #VALUE! emptyCompany for %p", (name) => {
    const error = failure(() => findCompany(name));
    expect([error.kind, error.key]).toEqual(["value", "emptyCompany"]);
  });

  it.each(["-", "…"])("does not match punctuation alone (%p) to a company", (name) => {
    expect(failure(() => findCompany(name)).key).toBe("unknownCompany");
  });

  it("maps no name, alias or ticker to two companies", () => {
    const owners = new Map<string, Set<string>>();
    for (const c of allCompanies()) {
      for (const name of [c.id, c.name.en, c.name.ko, ...c.aliases, ...c.tickers]) {
        const key = matchKey(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(c.id));
      }
    }
    const shared = [...owners].filter(([, set]) => set.size > 1);
    expect(shared).toEqual([]);
  });

  it("finds every company by each of its names", () => {
    for (const c of allCompanies()) {
      for (const name of [c.id, c.name.en, c.name.ko, ...c.aliases, ...c.tickers]) expect(findCompany(name).id).toBe(c.id);
    }
  });

  it("registers the companies of the column that have no figure (Dell, IBM)", () => {
    expect(allCompanies().map((c) => c.id)).toEqual(
      expect.arrayContaining(["dell", "ibm", "meta", "tesla"]),
    );
  });
});

describe("companyName", () => {
  it.each([
    ["openai", "en", "OpenAI"],
    ["openai", "ko", "오픈AI"],
    ["samsung-electronics", "ko", "삼성전자"],
    ["sk-hynix", "en", "SK hynix"],
    ["alphabet", "ko", "알파벳"],
  ] as const)("names %s in %s as %s", (id, lang, name) => {
    expect(companyName(id, lang)).toBe(name);
  });

  it("throws #N/A for an id not in the registry", () => {
    expect(failure(() => companyName("acme")).key).toBe("unknownCompany");
  });
});
