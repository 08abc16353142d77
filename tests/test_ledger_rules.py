"""The ledger's rules without the model: status, relations, copies, sources, proposition cores."""
from __future__ import annotations

import random
import zlib

import numpy as np
import pytest

from storyledger.ledger import propositions as props
from storyledger.ledger.copies import find_copies
from storyledger.ledger.relations import Said, relate
from storyledger.ledger.sources import Mention, merge_sources
from storyledger.ledger.status import Position, standing, timeline


def pos(claim, source, stance="asserted", polarity="positive", date="2024-10-01", kind="person", copy=False, low=None, high=None):
    return Position(claim, source, kind, stance, polarity, date, copy, low, high)


def test_status_follows_the_table():
    assert standing([pos("a", 1)]).status == "reported"
    assert standing([pos("a", 1), pos("b", 2)]).status == "corroborated"
    assert standing([pos("a", 1), pos("b", 2, "denied")]).status == "contested"
    assert standing([pos("a", 1, "denied")]).status == "denied"
    assert standing([pos("a", 1, polarity="negative")]).status == "denied"
    assert standing([pos("a", 1, "unconfirmed")]).status == "unconfirmed"
    assert standing([pos("a", 1), pos("b", 2, "confirmed")]).status == "confirmed"
    # a newspaper confirming is not a party with standing
    assert standing([pos("a", 1), pos("b", 2, "confirmed", kind="media")]).status == "corroborated"


def test_copies_do_not_count_as_sources():
    assert standing([pos("a", 1), pos("b", 2, copy=True)]).status == "reported"


def test_a_source_counts_by_its_latest_position():
    s = standing([pos("a", 1, "unconfirmed", date="2024-10-20"), pos("b", 1, "confirmed", date="2024-10-25")])
    assert s.sources_for == [1] and not s.sources_unsure


def test_timeline_records_each_change_with_its_claims():
    t = timeline([pos("a", 1, date="2024-10-17"), pos("b", 2, date="2024-10-18"), pos("c", 3, "denied", date="2024-10-20"),
                  pos("d", 4, date="2024-10-20")])
    assert [(c.date, c.status) for c in t] == [("2024-10-17", "reported"), ("2024-10-18", "corroborated"), ("2024-10-20", "contested")]
    assert t[-1].claims == ["c", "d"]


def test_the_last_entry_holds_the_sides_as_they_stand_now():
    t = timeline([pos("a", 1, date="2024-10-17"), pos("b", 2, date="2024-10-18"), pos("c", 3, date="2024-10-19")])
    assert [c.status for c in t] == ["reported", "corroborated"]  # the third source changes no status
    assert t[-1].sources_for == [1, 2, 3]


def test_timeline_notes_a_changed_number_range():
    t = timeline([pos("a", 1, date="2024-10-17", low=10000, high=10000), pos("b", 2, date="2024-10-18", low=10000, high=11000)])
    assert [(c.low, c.high) for c in t] == [(10000, 10000), (10000, 11000)]


def said(claim, source, stance="asserted", date="2024-10-01", polarity="positive", units=None, copy=False):
    return Said(pos(claim, source, stance, polarity, date, copy=copy), f"S{source}", units or {})


def test_relations():
    rel = relate("p", [
        said("a", 1, date="2024-10-17", units={"soldier": (10000, 10000)}),
        said("b", 2, date="2024-10-18", units={"soldier": (2000, 9999)}),
        said("c", 3, "denied", date="2024-10-19"),
        said("d", 4, "unconfirmed", date="2024-10-19"),
        said("e", 4, "confirmed", date="2024-10-25"),
        said("f", 5, date="2024-10-26", copy=True),
    ])
    kinds = {(r.kind, r.a, r.b) for r in rel}
    assert ("corroborates", "b", "a") in kinds
    assert ("contradicts", "c", "a") in kinds and ("contradicts", "c", "b") in kinds
    assert ("disputes_number", "a", "b") in kinds
    assert ("updates", "e", "d") in kinds
    assert not any("f" in (r.a, r.b) for r in rel)  # a copy relates to nothing but its original


def test_a_body_and_its_spokesperson_are_one_party_for_updates():
    austin = Said(pos("a", 1, "unconfirmed", date="2024-10-28"), "Lloyd Austin", {}, ("doc", 3), frozenset({2}))
    pentagon = Said(pos("b", 2, "confirmed", date="2024-10-28"), "Pentagon", {}, ("doc", 5))
    assert [(r.kind, r.a, r.b) for r in relate("p", [pentagon, austin])] == [("updates", "b", "a")]
    same_man = Said(pos("c", 1, "confirmed", date="2024-10-28"), "Lloyd Austin", {}, ("doc", 4))
    assert not [r for r in relate("p", [austin, same_man]) if r.kind == "updates"]


def test_a_change_of_position_looks_past_the_same_speakers_other_lines_that_day():
    # a minister denies on the 20th and the 4th; on the 5th, one article has him repeat the
    # denial, then admit: the admission answers the earlier denials, not its own article's line
    first = Said(pos("a", 1, "denied", date="2024-10-20"), "Minister", {}, ("d1", 2))
    again = Said(pos("b", 1, "denied", date="2024-11-04"), "Minister", {}, ("d2", 1))
    repeat = Said(pos("c", 1, polarity="negative", date="2024-11-05"), "Minister", {}, ("d3", 1))
    admits = Said(pos("e", 1, "confirmed", date="2024-11-05"), "Minister", {}, ("d3", 3))
    got = {(r.a, r.b) for r in relate("p", [first, again, repeat, admits]) if r.kind == "updates"}
    assert got == {("e", "b"), ("e", "a")}
    # from "cannot confirm" to "likely" is a change, but not a reversal of the first word on it
    unsure = Said(pos("f", 1, "unconfirmed", date="2024-11-06"), "Minister", {}, ("d4", 1))
    likely = Said(pos("g", 1, "possible", date="2024-11-07"), "Minister", {}, ("d5", 1))
    got = {(r.a, r.b) for r in relate("p", [first, unsure, likely]) if r.kind == "updates"}
    assert got == {("f", "a"), ("g", "f")}


def test_overlapping_ranges_are_not_disputed():
    rel = relate("p", [said("a", 1, units={"soldier": (10000, 10000)}), said("b", 2, units={"soldier": (10000, 11000)})])
    assert not [r for r in rel if r.kind == "disputes_number"]


def test_a_forecast_disputes_no_count():
    # "1,400 have been evacuated" against "altogether 2,800 are expected to be evacuated": no dispute
    rel = relate("p", [said("a", 1, units={"evacuated": (1400, 1400)}),
                       said("b", 2, "predicted", units={"evacuated": (2800, 2800)})])
    assert not [r for r in rel if r.kind == "disputes_number"]
    # two counts of what happened still are
    rel = relate("p", [said("a", 1, units={"evacuated": (1400, 1400)}), said("b", 2, units={"evacuated": (2800, 2800)})])
    assert [(r.a, r.b) for r in rel if r.kind == "disputes_number"] == [("a", "b")]


def synthetic_article(rng: random.Random, n: int = 300) -> str:
    words = [f"w{rng.randrange(5000)}" for _ in range(n)]
    return " ".join(words)


def test_copies_find_near_duplicates_and_point_at_the_earliest():
    rng = random.Random(1)
    original = synthetic_article(rng)
    words = original.split()
    edited = " ".join(["Reuters"] + words[:150] + ["changed"] + words[151:])  # a credit line and one word changed
    other = synthetic_article(rng)
    found = find_copies([("b", edited, "2024-10-02"), ("a", original, "2024-10-01"), ("c", other, "2024-10-01")])
    assert set(found) == {"b"}
    assert found["b"][0] == "a" and found["b"][1] > 0.9


def test_sources_merge_spelling_variants_and_roles():
    ms = [
        Mention("Volodymyr Zelenskyy", "person", "President of Ukraine", "2024-10-17"),
        Mention("Zelensky", "person", None, "2024-10-20"),
        Mention("Volodymyr Zelenskiy", "person", "President", "2024-10-25"),
        Mention("the Ukrainian president", "person", None, "2024-10-26"),
        Mention("Kyrylo Budanov", "person", None, None),
        Mention("The Washington Post", "media", None, None),
        Mention("Washington Post", "media", None, None),
    ]
    speakers = merge_sources(ms)
    by_name = {name: s for s in speakers for name, _ in s.forms}
    assert by_name["Volodymyr Zelenskyy"] is by_name["Zelensky"] is by_name["Volodymyr Zelenskiy"] is by_name["the Ukrainian president"]
    assert by_name["Kyrylo Budanov"] is not by_name["Zelensky"]
    assert by_name["The Washington Post"] is by_name["Washington Post"]
    z = by_name["Zelensky"]
    assert z.roles["President of Ukraine"][:2] == ["2024-10-17", "2024-10-17"]
    assert z.name in ("Volodymyr Zelenskyy", "Volodymyr Zelenskiy")


def test_a_source_id_is_made_of_its_founding_name_not_of_what_else_the_ledger_holds():
    alone = merge_sources([Mention("Kyrylo Budanov", "person", None, None, None, 3)])
    crowd = merge_sources([Mention("Kyrylo Budanov", "person", "head of intelligence", "2024-10-01", "2024-10-09", 5),
                           Mention("Budanov", "person", None, None), Mention("Pentagon", "organization", None, None)])
    budanov = next(s for s in crowd if s.kind == "person")
    assert budanov.id == alone[0].id and budanov.names == {"Kyrylo Budanov": 5, "Budanov": 1}
    assert budanov.roles["head of intelligence"] == ["2024-10-01", "2024-10-09", 5]
    assert len({s.id for s in crowd}) == 2


def test_a_bare_surname_the_model_named_no_one_is_the_one_person_of_that_name():
    # "Alves said 22 people remained missing" in a later article, where the model took "Alves"
    # for no one in particular (kind unnamed): the story's one Pedro Alves
    speakers = merge_sources([Mention("Pedro Alves", "person", "coast guard spokesman", None),
                              Mention("Alves", "unnamed", None, None), Mention("Officials", "unnamed", None, None)])
    alves = next(s for s in speakers if s.kind == "person")
    assert alves.names == {"Pedro Alves": 1, "Alves": 1} and len(speakers) == 2


def test_a_shared_surname_alone_is_not_guessed():
    speakers = merge_sources([Mention("Hillary Clinton", "person", None, None), Mention("Bill Clinton", "person", None, None),
                              Mention("Clinton", "person", None, None)])
    assert len(speakers) == 3


def test_core_drops_the_stance_frame():
    assert props.core("that the United States has not yet confirmed that North Korea is sending troops") == "North Korea is sending troops"
    assert props.core("that the information about the alleged plan to close the port was not true") == "the plan to close the port"
    assert props.core("As far as I know, they are not on the front line yet.").startswith("they are not on the front line")


def test_an_accusation_core_states_what_the_accused_did():
    # the cue's object is who did it: "accused the army of shelling the bridge" says the army shelled it
    assert props.core("the army of shelling the bridge", "accuse") == "the army shelling the bridge"
    assert props.core("the rebels for the blackout", "blame") == "the rebels responsible for the blackout"
    assert props.core("a faulty valve", "blame") == "a faulty valve responsible"
    # a clause that holds the cue itself, and other cues, stay as they are
    assert props.core("the army was blamed for the blast", "blame") == "the army was blamed for the blast"
    assert props.core("the army of shelling the bridge", "say") == "the army of shelling the bridge"
    # linking keeps a core given with its cue (`link.story_items`)
    items = [props.Item("a", "d", 0, 1, "the rebels for the blackout", "indirect")]
    items[0].core = props.core(items[0].content, "blame")
    props.link_items(items, fake_embedder)
    assert items[0].core == "the rebels responsible for the blackout"


def test_a_vague_denial_with_an_adverb_joins_what_it_answers():
    # "Israel denied this shortly afterwards", "disputes the claim, however": the words after the
    # vague object say when or how, not what; the denial joins the claim before it
    def item(i, text):
        it = props.Item(f"c{i}", "d", i, i, text, "indirect")
        it.core = props.core(text)
        it.keys = frozenset(props.keys(it.core))
        return it
    for text in ("this shortly afterwards", "the claim, however", "the reports outright"):
        assert props.vague(item(0, text)), text
    assert not props.vague(item(0, "the port was closed, however"))
    items = [item(0, "the storm destroyed the old pier"), item(1, "this shortly afterwards")]
    cluster, members = [0, 1], {0: [0], 1: [1]}
    props.attach_vague(items, cluster, members)
    assert cluster == [0, 0]


def test_a_denial_or_non_answer_of_no_words_of_its_own_answers_what_precedes_it():
    # "no immediate comment" in two articles, "nothing could be farther from the truth": alike in
    # words that name nothing, so their likeness is no grouping; each joins the claim before it
    def item(doc, i, text, stance="asserted"):
        it = props.Item(f"{doc}{i}", doc, i, i + (10 if doc == "b" else 0), text, "indirect")
        it.core = props.core(text)
        it.keys = frozenset(props.keys(it.core))
        it.stance = stance
        return it
    assert props.answers_only(item("a", 0, "no immediate comment", "unconfirmed"))
    assert props.answers_only(item("a", 0, "nothing could be farther from the truth, mildly speaking", "denied"))
    assert not props.answers_only(item("a", 0, "no immediate comment", "asserted"))
    assert not props.answers_only(item("a", 0, "the ferry never left the port", "denied"))
    items = [item("a", 0, "the ferry sank near the island"), item("a", 1, "no immediate comment", "unconfirmed"),
             item("b", 0, "the strike hit a grain depot"), item("b", 1, "no immediate comment", "unconfirmed"),
             item("b", 2, "the depot was empty"), item("b", 3, "We strongly reject this.", "denied")]
    # likeness put the two non-answers together, and the rejection with the depot
    cluster, members = [0, 1, 2, 1, 4, 4], {0: [0], 1: [1, 3], 2: [2], 4: [4, 5]}
    props.attach_vague(items, cluster, members)
    assert cluster[1] == cluster[0] and cluster[3] == cluster[2] and cluster[5] == cluster[4]
    assert sorted(sorted(g) for g in members.values()) == [[0, 1], [2, 3], [4, 5]]
    # without the rule, the two non-answers stay one group
    props.ANSWERS_ONLY = 0
    try:
        cluster, members = [0, 1, 2, 1, 4, 4], {0: [0], 1: [1, 3], 2: [2], 4: [4, 5]}
        props.attach_vague(items, cluster, members)
        assert cluster[1] == cluster[3]
    finally:
        props.ANSWERS_ONLY = 1


def test_a_claim_whose_frame_has_no_mate_in_its_group_joins_the_group_of_its_frame():
    # "Portugal is supplying weapons to the Spanish army", left by its words among claims about
    # Portugal's neutrality, joins the two claims that say the same act
    def item(i, text, frame):
        it = props.Item(f"c{i}", "d", i, i, text, "indirect")
        it.core = text
        it.keys = frozenset(props.keys(text))
        it.frame = frame
        return it
    supply = ("PT", "transfer", "weapons", "ES")
    items = [item(0, "Portugal is supplying weapons to Spain", supply),
             item(1, "Lisbon has sent arms to Madrid", supply),
             item(2, "Portugal is neutral in the conflict", None),
             item(3, "Portugal is supplying weapons to the Spanish army", supply),
             item(4, "the fishing fleet sent nets to Spain", ("PT", "transfer", "nets", "ES"))]
    cluster, members = [0, 0, 2, 2, 4], {0: [0, 1], 2: [2, 3], 4: [4]}
    props.attach_by_frame(items, cluster, members)
    assert cluster[3] == cluster[0] and cluster[2] == 2 and cluster[4] == 4
    # one claim of the frame elsewhere is not enough to draw it (`FRAME_GROUP_MIN`)
    cluster, members = [0, 1, 2, 2, 4], {0: [0], 1: [1], 2: [2, 3], 4: [4]}
    props.attach_by_frame(items, cluster, members)
    assert cluster[3] == 2
    props.ATTACH_FRAMES = 0
    try:
        cluster, members = [0, 0, 2, 2, 4], {0: [0, 1], 2: [2, 3], 4: [4]}
        props.attach_by_frame(items, cluster, members)
        assert cluster[3] == 2
    finally:
        props.ATTACH_FRAMES = 1


def fake_embedder(texts):
    """Bag of words hashed into 64 dimensions: enough to tell unrelated sentences apart."""
    out = np.zeros((len(texts), 512), dtype=np.float32)
    for i, t in enumerate(texts):
        for w in props.keys(t):
            out[i, zlib.crc32(w.encode()) % 512] += 1.0  # stable across processes (hash() is salted)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)


def test_grouping_keeps_apart_and_together():
    items = [props.Item(f"c{i}", "d", i, i, text, "indirect") for i, text in enumerate([
        "the port of Odesa was closed to grain ships",
        "the port of Odesa has been closed to grain ships since Monday",
        "the minister will resign next week",
        "the minister is expected to resign next week",
        "inflation rose to nine percent in March",
    ])]
    g = props.link_items(items, fake_embedder)
    p = g.of_claim
    assert p["c0"] == p["c1"] and p["c2"] == p["c3"]
    assert len({p["c0"], p["c2"], p["c4"]}) == 3
    assert all(g.labels[x] for x in g.members)


def test_numbers_of_the_same_thing_share_a_proposition():
    soldiers = frozenset({"soldier"})
    items = [props.Item("a", "d1", 0, 1, "that 10,000 soldiers are being trained near the border", "indirect", soldiers),
             props.Item("b", "d2", 0, 2, "almost 11,000 soldiers were trained in the east, officials said", "indirect", soldiers),
             props.Item("c", "d3", 0, 3, "eighteen soldiers escaped from their positions", "indirect", soldiers)]
    filler = ["the harvest was late this year", "a new bridge opened downtown", "the museum closed for repairs",
              "the election was moved to spring", "the striker signed a new contract", "ferries were cancelled by storms"]
    items += [props.Item(f"f{i}", f"other{i}", 0, 10 + i, t, "indirect") for i, t in enumerate(filler)]
    p = props.link_items(items, fake_embedder).of_claim
    assert p["a"] == p["b"] != p["c"]


def test_counts_of_different_people_repel(monkeypatch):
    # a toll and a count of the evacuated are different propositions however alike their words
    dead, evacuated = frozenset({"dead"}), frozenset({"evacuated"})
    items = [props.Item("a", "d1", 0, 1, "hundreds of residents of the valley were killed by the flood", "indirect", dead),
             props.Item("b", "d2", 0, 2, "hundreds of residents of the valley were evacuated after the flood", "indirect", evacuated)]
    filler = ["the harvest was late this year", "a new bridge opened downtown", "the museum closed for repairs",
              "the election was moved to spring", "the striker signed a new contract", "ferries were cancelled by storms"]
    items += [props.Item(f"f{i}", f"other{i}", 0, 10 + i, t, "indirect") for i, t in enumerate(filler)]
    assert props.unit_term(items[0], items[1]) == -props.UNIT_CLASH
    for it in items:
        it.core = it.content
        it.keys = frozenset(props.keys(it.content))
    X = fake_embedder([it.content for it in items])
    idf = {k: 1.0 for it in items for k in it.keys}
    with_clash = props.similarity_matrix(items, X, idf)[0, 1]
    monkeypatch.setattr(props, "UNIT_CLASH", 0.0)
    assert props.similarity_matrix(items, X, idf)[0, 1] - with_clash == pytest.approx(0.3)
    # casualties hold the dead: no clash
    a = props.Item("c", "d", 0, 1, "x", "indirect", frozenset({"casualties"}))
    assert props.unit_term(a, items[0]) == 0.0


def test_a_claim_of_only_the_storys_words_is_embedded_whole():
    # masking the story's words ("troops", "border") leaves "are at the" of the story's main
    # proposition said plainly: it is embedded unmasked; a claim with words of its own is masked
    texts = ["troops are at the border", "troops at the border were shelled by artillery overnight",
             "the border troops received new winter uniforms", "troops near the border are hungry",
             "the harvest was late", "a new bridge opened downtown", "the museum closed", "the election moved",
             "ferries were cancelled", "prices rose sharply in March", "the striker signed", "the minister resigned"]
    items = [props.Item(f"c{i}", "d", i, i, t, "indirect") for i, t in enumerate(texts)]
    for it in items:
        it.core = props.core(it.content)
        it.keys = frozenset(props.keys(it.core))
    embedded, _ = props.prepare(items)
    assert embedded[0] == "troops are at the border"
    assert embedded[1] == "at the were shelled by artillery overnight"


def test_stories_keep_unrelated_articles_apart():
    items = [props.Item(f"c{i}", doc, i, 1, text, "indirect") for i, (doc, text) in enumerate([
        ("d1", "the Odesa port blockade hurts grain exports"), ("d2", "grain exports through Odesa port resumed"),
        ("d3", "the central bank raised interest rates"), ("d4", "interest rates at the central bank stay high"),
    ])]
    for it in items:
        it.keys = frozenset(props.keys(it.content))
    docs = [sorted({items[i].document for i in s}) for s in props.stories(items)]
    assert sorted(docs) == [["d1", "d2"], ["d3", "d4"]]


def test_large_ledgers_use_buckets_not_all_pairs():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((props.EXACT_LIMIT * 2, 512)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    pairs = props.candidate_pairs(X)
    n = len(X)
    assert len(pairs) < n * props.BUCKET_SIZE * props.TABLES
    near = X[0] + 0.05 * rng.standard_normal(512).astype(np.float32)
    X[1] = near / np.linalg.norm(near)
    assert (0, 1) in props.candidate_pairs(X)


def test_story_words_weigh_by_their_rarity_in_language_not_in_the_ledger():
    from collections import Counter

    from storyledger.ledger import stories

    assert stories.info("said") < stories.INFO_FLOOR < stories.info("soldier") < stories.info("pyongyang")
    assert stories.info("announc") < stories.info("announc" + "qx")  # a stem stands for its likeliest word
    t = stories.weigh(Counter({"said": 3, "pyongyang": 1, "soldier": 2}))
    assert "said" not in t and abs(sum(x * x for x in t.values()) - 1) < 1e-4
    # whether two documents are one story depends on them alone, not on what else is there
    a, b = Counter({"pyongyang": 1, "budanov": 1, "soldier": 1}), Counter({"pyongyang": 1, "budanov": 1, "train": 1})
    others = {f"o{i}": Counter({"pyongyang": 1, f"harvest{i}": 1}) for i in range(30)}
    alone = stories.stories({"a": a, "b": b})
    crowded = stories.stories({"a": a, "b": b, **others})
    assert ["a", "b"] in alone and any({"a", "b"} <= set(s) for s in crowded)


def test_a_pass_over_many_documents_works_out_each_words_rarity_once(monkeypatch):
    from collections import Counter

    from storyledger.ledger import stories

    asked = Counter()
    real = stories.info.__wrapped__  # without its cache: a large ledger meets more words than it holds

    def counted(word):
        asked[word] += 1
        return real(word)

    monkeypatch.setattr(stories, "info", counted)
    docs = {f"d{i}": Counter({"pyongyang": 1, "budanov": 1, f"harvest{i % 7}": 2, "said": 1}) for i in range(40)}
    groups = stories.stories(docs)
    assert sum(len(g) for g in groups) == 40
    assert set(asked) == {"pyongyang", "budanov", "said"} | {f"harvest{i}" for i in range(7)}
    assert max(asked.values()) == 1


def test_counts_of_one_thing_meet_whatever_they_are_called():
    from storyledger.ledger.link import units
    from storyledger.ledger.measures import measure

    assert {measure("soldiers"), measure("personnel"), measure("troops"), measure("forces")} == {"troops"}
    assert measure("people", "500 people were killed in the strike") == "dead"
    assert measure("people", "200 people were injured") == "injured"
    assert measure("casualties") == "casualties" != measure("soldiers")
    assert measure("pieces") == props.key("pieces")  # a unit of no class keeps its own stem
    # citizens are people: those captured are detained, those who fight or serve are a force
    text = "the army captured two Belgian citizens who were fighting for Chad"
    assert measure("citizens", text, (text.index("two"), text.index("two") + 3)) == "detained"
    # soldiers the sentence says were captured are captives, not the force
    for text in ("the capture of two Belgian fighters near Abeche", "the army had captured two soldiers",
                 "two Belgian soldiers were taken prisoner on Friday"):
        assert measure("soldiers", text, (text.index("two"), text.index("two") + 3)) == "detained", text
    text = "12,000 troops have been deployed, of whom 40 were captured"
    assert measure("troops", text, (0, 6)) == "troops"
    text = "at least 40 Belgian nationals serve in the Chadian army"
    assert measure("nationals", text, (text.index("40"), text.index("40") + 2)) == "troops"
    week = units({"content": "1,000 casualties in a week", "quantities": [{"unit": "casualties", "low": 1000, "high": 1000}]})
    total = units({"content": "3,000 casualties so far", "quantities": [{"unit": "casualties", "low": 3000, "high": 3000}]})
    assert week.keys() != total.keys()  # a window's figure is not the running total
    open_ = units({"content": "more than 3,000 soldiers", "quantities": [{"unit": "soldiers", "low": 3000, "high": None}]})
    assert open_ == {"troops": (3000, float("inf"))}


def test_each_figure_counts_what_stands_nearest_it_and_a_change_is_no_level():
    from storyledger.ledger.link import units

    def q(text, low, high, unit="people"):
        return {"text": text, "low": low, "high": high, "unit": unit}
    toll = "the toll stands at 12, 30 people were injured, and 45 people are missing"
    assert units({"content": toll, "quantities": [q("30", 30, 30), q("45", 45, 45)]}) == {"injured": (30, 30), "missing": (45, 45)}
    flood = "the storm killed at least 9 people and left 40 people missing"
    assert units({"content": flood, "quantities": [q("at least 9", 9, None), q("40", 40, 40)]}) == {"dead": (9, float("inf")), "missing": (40, 40)}
    # a count with no predicate in its own clause says nothing of what happened to those counted
    shelter = "the strike on the school, where thousands of civilians had been sheltering, killed hundreds of people"
    assert units({"content": shelter, "quantities": [q("thousands", 2000, 9999, "civilians"), q("hundreds", 200, 999)]})["dead"] == (200, 999)
    # "dropped by 2.8 metres, reaching 14.03 metres": the level is 14.03
    level = "the water level has dropped by around 2.8 meters since Monday, reaching 14.03 meters"
    assert units({"content": level, "quantities": [q("around 2.8", 2.8, 2.8, "meters"), q("14.03", 14.03, 14.03, "meters")]}) == {"metres": (14.03, 14.03)}
    # what a supply holds when full is not what is left of it
    full = units({"content": "the capsule was designed to sustain 72 hours of air", "quantities": [q("72", 72, 72, "hours")]})
    left = units({"content": "the capsule has about 30 hours of air left", "quantities": [q("about 30", 30, 30, "hours")]})
    assert not full.keys() & left.keys() and left == {"hours": (30, 30)}


def test_figures_days_apart_or_of_one_party_are_no_dispute():
    def fig(claim, source, date, low, high, parties=frozenset()):
        return Said(pos(claim, source, date=date), f"S{source}", {"dead": (low, high)}, ("d" + claim, 0), parties)

    rel = relate("p", [fig("a", 1, "2024-03-01", 100, 100), fig("b", 2, "2024-03-02", 400, 500),
                       fig("c", 3, "2024-03-20", 900, 900)])
    disputes = {(r.a, r.b) for r in rel if r.kind == "disputes_number"}
    assert disputes == {("a", "b")}  # the toll three weeks later is the story moving on
    # a government's officials and its ministry give a new figure: an update, not a dispute
    gov = frozenset({-7})
    rel = relate("p", [fig("a", 1, "2024-03-01", 100, 100, gov), fig("b", 2, "2024-03-02", 400, 500, gov)])
    assert [(r.kind, r.a, r.b) for r in rel if r.kind != "corroborates"] == [("updates", "b", "a")]


def test_a_supply_in_hours_runs_down_between_days():
    def left(claim, source, date, low, high):
        return Said(pos(claim, source, date=date), f"S{source}", {"hours": (low, high)}, ("d" + claim, 0))

    # 60-80 hours on the 1st is 12-32 hours two days later: "at most 20" then agrees with it
    rel = relate("p", [left("a", 1, "2024-05-01", 60, 80), left("b", 2, "2024-05-03", float("-inf"), 20)])
    assert not [r for r in rel if r.kind == "disputes_number"]
    # the same figures on one day, or a later figure above what is left, are a dispute
    rel = relate("p", [left("a", 1, "2024-05-01", 60, 80), left("b", 2, "2024-05-01", float("-inf"), 20)])
    assert [(r.a, r.b) for r in rel if r.kind == "disputes_number"] == [("a", "b")]
    rel = relate("p", [left("a", 1, "2024-05-01", 60, 80), left("b", 2, "2024-05-02", 90, 90)])
    assert [(r.a, r.b) for r in rel if r.kind == "disputes_number"] == [("a", "b")]
    # a count of people does not run down
    dead = relate("p", [Said(pos("a", 1, date="2024-05-01"), "S1", {"dead": (60, 80)}, ("da", 0)),
                        Said(pos("b", 2, date="2024-05-03"), "S2", {"dead": (10, 20)}, ("db", 0))])
    assert [(r.a, r.b) for r in dead if r.kind == "disputes_number"] == [("a", "b")]


def test_people_of_whom_nothing_is_said_are_no_measure_to_dispute():
    from storyledger.ledger.link import units

    q = lambda n, unit: {"low": n, "high": n, "unit": unit}  # noqa: E731
    homes = units({"content": "at least 16,000 people had lost their homes", "quantities": [q(16000, "people")]})
    left = units({"content": "almost 2,000 people had left the valley", "quantities": [q(2000, "people")]})
    rel = relate("p", [Said(pos("a", 1), "S1", homes, ("da", 0)), Said(pos("b", 2), "S2", left, ("db", 0))])
    assert not [r for r in rel if r.kind == "disputes_number"]
    # said of them what happened, they are a measure: evacuated
    moved = units({"content": "1,400 people have been evacuated", "quantities": [q(1400, "people")]})
    also = units({"content": "some 3,000 people were evacuated", "quantities": [q(3000, "people")]})
    rel = relate("p", [Said(pos("a", 1), "S1", moved, ("da", 0)), Said(pos("b", 2), "S2", also, ("db", 0))])
    assert [(r.a, r.b) for r in rel if r.kind == "disputes_number"] == [("a", "b")]
    # a toll is of the dead; passengers are people, whose predicate tells what happened to them
    assert units({"content": "the death toll rose to 20", "quantities": [q(20, "toll")]}) == {"dead": (20.0, 20.0)}
    assert units({"content": "Thirty passengers are still missing", "quantities": [q(30, "passengers")]}) \
        == {"missing": (30.0, 30.0)}
    # people who drowned are the dead: "40 people drowned" disputes "a toll of 12 dead"
    drowned = units({"content": "40 people drowned in the flooded villages", "quantities": [q(40, "people")]})
    assert drowned == {"dead": (40.0, 40.0)}
    assert units({"content": "a man was seen drowning 3 sheep", "quantities": [q(3, "sheep")]}) != {"dead": (3.0, 3.0)}


def test_a_body_named_without_its_country_is_the_one_the_story_names_with_it():
    def names(*forms):
        return sorted(sorted(s.names) for s in merge_sources([Mention(f, "organization", None, "2024-05-02") for f in forms]))
    # one ministry under its names, and a bare "Interior Ministry" when the story has one country's
    assert names("Portugal's ministry of Internal Affairs", "Interior Ministry", "Portugal's interior ministry") == \
        [["Interior Ministry", "Portugal's interior ministry", "Portugal's ministry of Internal Affairs"]]
    assert names("the Ministry of Defence", "the Defense Ministry") == [["the Defense Ministry", "the Ministry of Defence"]]
    # with two countries' bodies of that name, or none, the bare one stays apart
    assert names("Coast Guard", "Portuguese Coast Guard", "Spanish Coast Guard") == \
        [["Coast Guard"], ["Portuguese Coast Guard"], ["Spanish Coast Guard"]]
    assert names("Foreign Ministry", "Health Ministry") == [["Foreign Ministry"], ["Health Ministry"]]


def test_a_figure_added_to_another_is_no_total():
    from storyledger.ledger.link import units
    from storyledger.ledger.measures import measure

    q = lambda text, n, unit: {"text": text, "low": n, "high": n, "unit": unit}  # noqa: E731
    assert units({"content": "at least another eight are believed to have died", "quantities": [q("eight", 8, "died")]}) == {}
    assert units({"content": "14 died in the north and two more in the south",
                  "quantities": [q("14", 14, "died"), q("two", 2, "died")]}) == {"dead": (14.0, 14.0)}
    # linking still reads it: it counts the same thing
    assert units({"content": "another eight died", "quantities": [q("eight", 8, "died")]}, totals=False) == {"dead": (8.0, 8.0)}
    # "another" after a count of something else adds a count of its own kind: a total
    assert units({"content": "the storm has killed at least 10 people with another 41 missing",
                  "quantities": [q("at least 10", 10, "people"), q("41", 41, "missing")]}) == {"dead": (10.0, 10.0), "missing": (41.0, 41.0)}
    assert measure("died") == measure("drowned") == "dead" and measure("missing") == "missing"


def test_a_figure_of_a_condition_is_no_total():
    from storyledger.ledger.link import units
    from storyledger.ledger.measures import measure

    q = lambda text, n, unit: {"text": text, "low": n, "high": n, "unit": unit}  # noqa: E731
    # "if the level falls below 12.7 m" is a threshold, the 16.4 m beside it a reading
    claim = {"content": "the level stood at 16.4 m, and if it falls below 12.7 m the plant must stop",
             "quantities": [q("16.4", 16.4, "m"), q("12.7", 12.7, "m")]}
    assert units(claim) == {"metres": (16.4, 16.4)}
    assert units({"content": "once 300 soldiers arrive, the town will be held", "quantities": [q("300", 300, "soldiers")]}) == {}
    # the condition ends at its comma: what follows is said outright
    assert units({"content": "when asked, he said 300 soldiers had arrived", "quantities": [q("300", 300, "soldiers")]}) == {"troops": (300.0, 300.0)}
    assert measure("m.") == measure("metres") == "metres" and measure("km") == "kilometres"


def test_a_government_and_those_who_speak_for_it_are_one_party():
    from storyledger.ledger.link import government_of

    assert government_of("the Foolandian defence ministry", "organization", []) is None  # no such country
    assert government_of("Ukraine's defence ministry", "organization", []) == "UA"
    assert government_of("U.S. officials", "unnamed", []) == "US"
    assert government_of("Jane Roe", "person", ["Canadian Prime Minister"]) == "CA"
    assert government_of("Jane Roe", "person", ["Pentagon spokeswoman"]) == "US"
    assert government_of("Jane Roe", "person", ["British explorer"]) is None  # no official word
    assert government_of("Russian state media", "media", []) is None
    spokes = Said(pos("a", 1, "unconfirmed", date="2024-03-01"), "a spokesperson", {}, ("d1", 0), frozenset({-9}))
    minister = Said(pos("b", 2, "confirmed", date="2024-03-04"), "the minister", {}, ("d2", 0), frozenset({-9}))
    assert ("updates", "b", "a") in {(r.kind, r.a, r.b) for r in relate("p", [spokes, minister])}


def test_an_excerpt_that_starts_further_on_is_a_copy_but_a_shared_line_is_not():
    rnd = random.Random(5)
    words = [f"w{rnd.randrange(5000)}" for _ in range(600)]
    wire = " ".join(words[:400])
    excerpt = "Caption of a photo here, and a teaser line for another story. " + " ".join(words[210:400])
    other = " ".join(f"x{rnd.randrange(5000)}" for _ in range(300)) + " " + " ".join(words[:20])
    found = find_copies([("wire", wire, "2024-01-01"), ("excerpt", excerpt, "2024-01-02"), ("other", other, "2024-01-02")])
    assert found.keys() == {"excerpt"} and found["excerpt"][0] == "wire"
    assert found["excerpt"][1] < 0.5  # found by containment: the Jaccard alone is under the bar


def test_claims_with_no_word_in_common_do_not_contradict():
    a = Said(pos("a", 1, polarity="negative"), "S1", {}, ("d1", 0), frozenset(), frozenset({"customer", "buying", "rival"}))
    b = Said(pos("b", 2), "S2", {}, ("d2", 0), frozenset(), frozenset({"sales", "gains"}))
    c = Said(pos("c", 3), "S3", {}, ("d3", 0), frozenset(), frozenset({"customer", "waiting"}))
    assert {(r.a, r.b) for r in relate("p", [a, b, c]) if r.kind == "contradicts"} == {("a", "c")}


def test_a_relative_clause_aside_is_not_what_a_claim_states():
    """", which the ministry said ..." is background: its words do not make the claim contradict
    claims about the aside (invented sentences)."""
    denial = "the inquiry found that the navy was not responsible for the ferry sinking, which the port authority said drowned forty"
    assert props.stated_keys(denial) == {props.key(w) for w in "inquiry found navy responsible ferry sinking".split()}
    toll = "forty passengers drowned after the sinking"
    blame = "the navy was responsible for sinking the ferry"
    a = Said(pos("a", 1, polarity="negative"), "S1", {}, ("d1", 0), frozenset(), props.stated_keys(denial))
    b = Said(pos("b", 2), "S2", {}, ("d2", 0), frozenset(), props.stated_keys("forty passengers drowned, officials said"))
    c = Said(pos("c", 3), "S3", {}, ("d3", 0), frozenset(), props.stated_keys(blame))
    assert {(r.a, r.b) for r in relate("p", [a, b, c]) if r.kind == "contradicts"} == {("a", "c")}
    assert props.stated_keys(toll) == props.stated_keys(toll + ", who were")  # a clause cut off: nothing of it
    assert props.stated_keys("the minister, who resigned, said so") == props.stated_keys("the minister said so")


def test_sums_of_money_and_shares_are_not_disputed():
    a = Said(pos("a", 1, date="2024-03-01"), "S1", {"usd": (5.9e9, 5.9e9), "troops": (100, 100)}, ("d1", 0))
    b = Said(pos("b", 2, date="2024-03-01"), "S2", {"usd": (10.2e9, 10.2e9), "troops": (900, 900)}, ("d2", 0))
    notes = [r.note for r in relate("p", [a, b]) if r.kind == "disputes_number"]
    assert len(notes) == 1 and "troops" in notes[0]


def test_people_named_by_nationality_and_an_explicit_denial():
    from storyledger.ledger.measures import measure

    assert measure("Palestinians", "a blast killing more than 500 Palestinians") == "dead"
    assert measure("Frenchmen", "") == props.key("Frenchmen")  # no such demonym in the table: its own stem
    denial = Said(pos("a", 1, "denied"), "S1", {}, ("d1", 1), frozenset(), frozenset({"responsibility"}))
    other = Said(pos("b", 2), "S2", {}, ("d1", 0), frozenset(), frozenset({"rocket", "misfired"}))
    elsewhere = Said(pos("c", 3), "S3", {}, ("d2", 0), frozenset(), frozenset({"merger", "talks"}))
    assert [(r.kind, r.b) for r in relate("p", [denial, other, elsewhere]) if r.kind == "contradicts"] == [("contradicts", "b")]


def test_rewrites_of_one_wire_story_are_copies_by_their_reported_statements():
    from storyledger.ledger.copies import same_statement, statement

    def said(*claims):
        return [s for name, mode, content in claims if (s := statement(name, mode, content))]

    wire = " ".join(f"w{i}" for i in range(300))
    rewrite = " ".join(f"r{i}" for i in range(300))  # no word run in common: only the statements tell
    other = " ".join(f"o{i}" for i in range(300))
    statements = {
        "wire": said(("the national roads agency", "indirect", "the cracks were discovered in two steel girders beneath the northbound lanes"),
                     ("Ana Ferreira", "indirect", "the repairs were expected to cost about 40 million euros and to take six months"),
                     ("Ana Ferreira", "indirect", "trucks heavier than 12 tonnes would be diverted to the ring road"),
                     ("Opposition lawmakers", "indirect", "an independent review of how bridges are maintained")),
        # the same speakers ("the agency", "Ferreira") and nearly the same words, reworded around them
        "rewrite": said(("the agency", "according_to", "cracks were discovered in two steel girders beneath the northbound lanes"),
                        ("Ferreira", "indirect", "the repairs were expected to cost about 40 million euros and take six months"),
                        ("Local businesses", "indirect", "lorry drivers will avoid the area altogether")),
        # the minister's words quoted directly (every outlet repeats them), one reported statement shared
        "other": said(("Ana Ferreira", "direct", "Trucks heavier than 12 tonnes will be diverted to the ring road"),
                      ("Ana Ferreira", "direct", "The cracks were discovered in two steel girders beneath the northbound lanes"),
                      ("Ana Ferreira", "indirect", "the repairs were expected to cost about 40 million euros and to take six months"),
                      ("hauliers' association", "indirect", "its members would lose thousands of euros a week on longer routes")),
    }
    assert [len(statements[d]) for d in ("wire", "rewrite", "other")] == [4, 3, 2]
    found = find_copies([("rewrite", rewrite, "2025-03-11"), ("wire", wire, "2025-03-10"), ("other", other, "2025-03-10")],
                        statements)
    assert found.keys() == {"rewrite"} and found["rewrite"][0] == "wire"
    # another speaker with the same words is another statement; so is a short one
    assert same_statement(statement("the agency", "indirect", "the repairs were expected to cost about 40 million euros and to take six months"),
                          statements["wire"][1]) is None
    assert same_statement(statements["rewrite"][1], statements["wire"][1]) is not None
    assert statement("the agency", "indirect", "no one was hurt") is None
    assert statement("unnamed", "indirect", "the cracks were discovered in two steel girders beneath the northbound lanes") is None
    # quoted words inside a reported statement are the speaker's, not the reporter's
    assert statement("Ferreira", "indirect", 'the closure was "a necessary precaution for public safety"') is None


def test_a_body_named_with_its_country_in_any_form_is_one_source():
    ms = [Mention("U.S. Forest Service", "organization", None, "2024-10-01"),
          Mention("US Forest Service", "organization", None, "2024-10-02"),
          Mention("the United States Forest Service", "organization", None, "2024-10-03"),
          Mention("Forest Service", "organization", None, "2024-10-04"),
          Mention("Norway's fisheries ministry", "organization", None, "2024-10-05"),
          Mention("Norwegian Fisheries Ministry", "organization", None, "2024-10-06"),
          Mention("Swedish Fisheries Ministry", "organization", None, "2024-10-06"),
          Mention("Fisheries Ministry", "organization", None, "2024-10-07")]
    speakers = merge_sources(ms)
    groups = sorted(sorted(s.names) for s in speakers)
    # whose "Forest Service" is not said, but the story names one country's: that one
    assert sorted(["US Forest Service", "U.S. Forest Service", "the United States Forest Service", "Forest Service"]) in groups, groups
    assert sorted(["Norway's fisheries ministry", "Norwegian Fisheries Ministry"]) in groups
    assert ["Swedish Fisheries Ministry"] in groups
    assert ["Fisheries Ministry"] in groups  # two countries' fisheries ministries: whose is not known, kept apart
    assert len(speakers) == 4


def test_a_surname_taken_for_an_organisation_joins_the_one_person_of_that_name():
    speakers = merge_sources([Mention("Lena Brandt", "person", "harbour master", "2024-10-01"),
                              Mention("Brandt", "organization", None, "2024-10-02"),
                              Mention("Mira Olsen", "person", None, "2024-10-02"),
                              Mention("Kai Olsen", "person", None, "2024-10-02"),
                              Mention("Olsen", "organization", None, "2024-10-03")])
    by_name = {s.name: s for s in speakers}
    assert set(by_name["Lena Brandt"].names) == {"Lena Brandt", "Brandt"} and by_name["Lena Brandt"].kind == "person"
    assert "Olsen" in by_name  # two people of that surname: which one is not known


def test_a_denial_about_one_actor_agrees_with_a_claim_about_another():
    """"Norway was not responsible" and "a rocket of the Red Brigade hit it" take the same side of
    "who did it"; "Norway hit it" is the other side (invented)."""
    def s(claim, source, actors, polarity="positive", speaker=frozenset(), claimant=frozenset()):
        return Said(pos(claim, source, polarity=polarity), f"S{source}", {}, (f"d{source}", 0), frozenset(),
                    frozenset({"depot", "blast"}), actors=frozenset(actors), speaker=frozenset(speaker), claimant=frozenset(claimant))
    no = s("no", 1, {"country:NO"}, polarity="negative")
    brigade = s("brigade", 2, {"red brigade"})
    norway = s("norway", 3, {"country:NO"})
    unnamed = s("unnamed", 4, set())  # names no one: its words decide
    assert {(r.a, r.b) for r in relate("p", [no, brigade, norway, unnamed]) if r.kind == "contradicts"} == {("no", "norway"), ("no", "unnamed")}
    # "rejected Norway's account": what Norway says, not what others say of Norway
    rejects = s("rejects", 5, set(), polarity="negative", claimant={"country:NO"})
    by_norway = s("by_norway", 6, {"red brigade"}, speaker={"country:NO"})
    assert {(r.a, r.b) for r in relate("p", [rejects, by_norway, norway]) if r.kind == "contradicts"} == {("rejects", "by_norway")}


def test_actors_are_those_of_the_core_and_a_named_account_is_its_claimants(claims_of):
    from storyledger.ledger.link import CLAIM_OF, actor_of_name, actors, government_party, speaker_actors

    # a source is its name and the governments it speaks for, whatever the code's length
    assert speaker_actors("Defence Ministry", frozenset({government_party("NO"), government_party("XKX"), 7})) == {
        "defence ministry", "country:NO", "country:XKX"}

    assert props.core("Norwegian claims that a rocket hit the depot") == "a rocket hit the depot"
    assert props.core("Ukrainian allegations that Russia had destroyed the dam") == "Russia had destroyed the dam"
    claims = claims_of("Sweden rejected Norwegian claims that a Danish rocket hit the depot. "
                       "The Finnish minister said that Norway's account was false. Sweden dismissed Norway's account.")
    denial = next(c for c in claims if "depot" in c["content"])
    assert actors(denial) == [actor_of_name("Denmark")]  # the claim's frame ("Norwegian claims") names no actor
    account = next(c for c in claims if c["content"].startswith("Norway") and c["cue"] == "dismiss")
    assert CLAIM_OF.match(props.core(account["content"])) and actors(account) == [actor_of_name("Norway")]
    # what a negative claim puts in the place of what it denies is not what it denies
    claims = claims_of("\"There is nothing that allows us to say that it is a Danish strike, but the most likely cause is a "
                       "Swedish rocket,\" an official told reporters. The inspector said that the blast was not caused by a "
                       "Danish rocket but by a Swedish drone.")
    assert [actors(c) for c in claims] == [[actor_of_name("Denmark")]] * 2


def bodies_spoken_for(*forms: tuple[str, str, str | None]) -> dict[str, set[str]]:
    """name -> the names of the bodies it speaks for (`link.parties_of`), for (name, kind, role) forms."""
    from storyledger.ledger.link import parties_of

    speakers = merge_sources([Mention(name, kind, role, "2024-10-01") for name, kind, role in forms])
    names = {s.id: s.name for s in speakers}
    parties = parties_of(speakers)
    return {s.name: {names[p] for p in parties.get(s.id, ()) if p in names} for s in speakers}


def test_a_role_speaks_for_a_body_only_when_it_reads_as_a_role():
    spoken_for = bodies_spoken_for(
        ("Red Brigade", "organization", None),
        ("Lena Brandt", "person", "spokesperson of the Red Brigade"),
        ("Harbour Authority", "organization", "Red Brigade, responsible for a previous attack in"),
        ("Blue Fleet", "organization", "Red Brigade (RB) and"))
    assert spoken_for["Lena Brandt"] == {"Red Brigade"}
    assert spoken_for["Harbour Authority"] == set()  # an apposition misread is no role
    assert spoken_for["Blue Fleet"] == set()  # nor a name coordinated before it
    # a minister speaks for the ministry he heads, however each is written
    spoken_for = bodies_spoken_for(
        ("Interior Ministry", "organization", None),
        ("Ministry of Fisheries", "organization", None),
        ("Jon Dahl", "person", "Interior Minister"),
        ("Kari Lund", "person", "Minister of Fisheries"),
        ("Ola Berg", "person", "Prime Minister"))
    assert spoken_for["Jon Dahl"] == {"Interior Ministry"} and spoken_for["Kari Lund"] == {"Ministry of Fisheries"}
    assert spoken_for["Ola Berg"] == set()



def test_a_denial_naming_no_one_contradicts_only_what_states_what_it_denies():
    """"There doesn't appear to be any connection between the noises and the wreck" says nothing
    against "the noises may have been sea life", which takes the same side (invented)."""
    from storyledger.ledger.link import negated_key

    core = "There doesn't appear to be any connection between the noises and the wreck site"
    assert negated_key(core) == props.key("connection") and negated_key("Israel was not responsible") == "responsible"

    def s(claim, source, keys, polarity="positive", negated=None):
        return Said(pos(claim, source, polarity=polarity), f"S{source}", {}, (f"d{source}", 0), frozenset(),
                    frozenset(props.key(k) for k in keys.split()), negated=negated)
    no_link = s("no", 1, "connection noises wreck site", polarity="negative", negated=negated_key(core))
    sea_life = s("sea", 2, "noises sea life")
    linked = s("linked", 3, "noises connection wreck")
    assert {(r.a, r.b) for r in relate("p", [no_link, sea_life, linked]) if r.kind == "contradicts"} == {("no", "linked")}


def test_a_governments_denial_that_names_nothing_contradicts_another_governments_claims():
    """"We strongly reject this" (one government's spokesman) shares no word with "the engineers
    blew up the lock at dawn" (another's minister); its words say only that it is a denial, and
    linking put it with what it answers (invented)."""
    def s(claim, source, keys, stance="asserted", government=None):
        return Said(pos(claim, source, stance), f"S{source}", {}, (f"d{source}", 0),
                    frozenset({government}) if government else frozenset(), frozenset(props.stated_keys(keys)))
    reject = s("reject", 1, "We strongly reject this.", "denied", government=-1)
    blew = s("blew", 2, "the engineers blew up the lock at dawn", government=-2)
    assert {(r.a, r.b) for r in relate("p", [reject, blew]) if r.kind == "contradicts"} == {("reject", "blew")}
    # a denial with words of its own still needs one in common
    other = s("other", 3, "the floods reached the town before noon", "denied", government=-1)
    assert not [r for r in relate("p", [other, blew]) if r.kind == "contradicts"]
    # a company chief's "denied allegations" names nothing either, but speaks for no government:
    # in a proposition of many claims it would be set against all of them
    chief = s("chief", 4, "allegations", "denied")
    assert not [r for r in relate("p", [chief, blew]) if r.kind == "contradicts"]
    same = s("same", 5, "We strongly reject this.", "denied", government=-2)
    assert not [r for r in relate("p", [same, blew]) if r.kind == "contradicts"]


def test_where_heard_sounds_came_from_is_one_question_with_two_sides():
    """"The rhythm of the knocking points to people" and "no link between the knocking and the
    hull" share no word but the sounds; "seals can make such knocking" takes the second's side
    (invented)."""
    origin = (None, "origin", "sounds", None)

    def s(claim, source, text, polarity="positive"):
        return Said(pos(claim, source, "possible", polarity), f"S{source}", {}, (f"d{source}", 0), frozenset(),
                    frozenset(props.stated_keys(text)), frame=origin,
                    negated=props.key("link") if polarity == "negative" else None)
    people = s("people", 1, "the rhythm of the knocking points to people")
    no_link = s("no_link", 2, "there is no link between the knocking and the hull", "negative")
    seals = s("seals", 3, "sea animals such as seals can make such knocking")
    found = {(r.a, r.b) for r in relate("p", [people, no_link, seals]) if r.kind == "contradicts"}
    assert ("no_link", "people") in found and ("no_link", "seals") not in found


def test_a_figure_given_as_about_so_many_meets_one_close_to_it():
    from storyledger.ledger.link import units

    def q(text, value, approx=None):
        return {"text": text, "value": value, "low": value, "high": value, "unit": "people", "approx": approx}
    some = units({"content": "some 1,500 people were evacuated", "quantities": [q("some 1,500", 1500, "some")]})
    exact = units({"content": "1,457 people were evacuated", "quantities": [q("1,457", 1457)]})
    about = units({"content": "about 2,000 people were evacuated", "quantities": [q("about 2,000", 2000, "about")]})
    other = units({"content": "2,400 people were evacuated", "quantities": [q("2,400", 2400)]})
    claims = [said("a", 1, units=some), said("b", 2, units=exact), said("c", 3, units=about), said("d", 4, units=other)]
    disputes = {(r.a, r.b) for r in relate("p", claims) if r.kind == "disputes_number"}
    assert ("a", "b") not in disputes and ("c", "d") in disputes


def test_figures_of_different_actors_are_no_dispute():
    """"Norway says 59 drowned in the land it holds" and "Sweden: 16 dead" count different dead."""
    a = Said(pos("a", 1, date="2024-03-01"), "S1", {"dead": (59, 59)}, ("d1", 0), actors=frozenset({"country:NO"}))
    b = Said(pos("b", 2, date="2024-03-01"), "S2", {"dead": (16, 16)}, ("d2", 0), actors=frozenset({"country:SE"}))
    c = Said(pos("c", 3, date="2024-03-01"), "S3", {"dead": (20, 20)}, ("d3", 0))  # names no one: may be either
    assert {(r.a, r.b) for r in relate("p", [a, b, c]) if r.kind == "disputes_number"} == {("a", "c"), ("b", "c")}


def test_claims_of_one_frame_share_a_proposition_however_they_are_phrased(monkeypatch):
    # one act said three ways (`semantics.frames`): the same country, act and theme (or none said)
    said = [("a", "the ministry says Lisbon supplied tanks to Madrid last year", ("PT", "transfer", "tank", "ES")),
            ("b", "we have never provided any tanks to anybody", ("PT", "transfer", "tank", None)),
            ("c", "Madrid bought them from Lisbon", ("PT", "transfer", None, None)),
            ("d", "Paris sold wheat to Rome in the spring", ("FR", "transfer", "wheat", "IT"))]
    filler = ["the harvest was late this year", "a new bridge opened downtown", "the museum closed for repairs",
              "the election was moved to spring", "the striker signed a new contract", "ferries were cancelled by storms"]
    items = [props.Item(i, f"d{i}", 0, n, t, "indirect") for n, (i, t, _) in enumerate(said)]
    items += [props.Item(f"f{i}", f"other{i}", 0, 10 + i, t, "indirect") for i, t in enumerate(filler)]
    for it, (_, _, f) in zip(items, said):
        it.frame = f
    p = props.link_items(items, fake_embedder).of_claim
    assert p["a"] == p["b"] == p["c"] != p["d"]
    monkeypatch.setattr(props, "FRAME_BONUS", 0.0)
    monkeypatch.setattr(props, "ATTACH_FRAMES", 0)
    p = props.link_items(items, fake_embedder).of_claim
    assert len({p["a"], p["b"], p["c"]}) > 1  # by their words alone they stay apart


def test_a_claim_that_the_cause_is_still_open_joins_the_stories_main_question():
    said = [("a", "the harbour fire was started by the ferry company", "asserted"),
            ("b", "the ferry company started the harbour fire on purpose", "asserted"),
            ("c", "the ferry company did not start the harbour fire", "asserted"),
            ("d", "we are working with our partners to determine what happened", "unconfirmed"),
            ("e", "the mayor cannot say who was behind the fire", "unconfirmed"),
            ("e2", "that city officials are still reviewing evidence about the harbour blaze", "unconfirmed"),
            ("f", "we are working with our partners on a new budget", "asserted"),
            ("g", "it is not known what happened to the missing cat", "asserted"),
            ("h", "the museum will reopen in the spring", "asserted")]
    items = []
    for n, (i, text, stance) in enumerate(said):
        it = props.Item(i, "d", n, n, text, "indirect")  # one story
        it.stance = stance
        items.append(it)
    p = props.link_items(items, fake_embedder).of_claim
    assert p["d"] == p["e"] == p["e2"] == p["a"] == p["b"]
    assert p["f"] != p["a"] and p["g"] != p["a"] and p["h"] != p["a"]
    # so does a denial of the reports that does not restate them ("such claims as fake news"),
    # when no claim of another source comes just before it in its article (`attach_open_questions`)
    for i, seq, text, stance in [("k", 100, "such claims from the opposition as fake news", "denied"),
                                 ("m", 200, "such claims from the opposition about the budget", "asserted")]:
        it = props.Item(i, "d", seq, len(items), text, "indirect")
        it.stance = stance
        items.append(it)
    p = props.link_items(items, fake_embedder).of_claim
    assert p["k"] == p["a"] and p["m"] != p["a"]
    # with no determiner too: "statements that the opposition wrote the budget as absolutely false"
    it = props.Item("n", "d", 300, len(items), "statements from the opposition about the budget as absolutely false", "indirect")
    it.stance = "denied"
    items.append(it)
    p = props.link_items(items, fake_embedder).of_claim
    assert p["n"] == p["a"] and p["m"] != p["a"]
    monkey = props.ATTACH_OPEN
    try:
        props.ATTACH_OPEN = 0
        p = props.link_items(items, fake_embedder).of_claim
        assert p["d"] != p["a"]  # by its words it stays with its speaker's other work
    finally:
        props.ATTACH_OPEN = monkey


def test_a_transfer_to_another_place_is_another_frame():
    said = props.Item("a", "d1", 0, 1, "x", "indirect")
    said.frame = ("KP", "transfer", "troops", "RU")
    for other, bonus in [(("KP", "transfer", None, "RU"), props.FRAME_BONUS),  # "troops arrived in Russia"
                         (("KP", "transfer", "troops", None), props.FRAME_BONUS),  # nowhere said
                         (("KP", "transfer", "troops", "UA"), 0.0),  # "to the occupied territories of Ukraine"
                         (("RU", "transfer", "troops", "RU"), 0.0), (("KP", "train", "troops", "RU"), 0.0),
                         (("KP", "transfer (planned)", "troops", "RU"), 0.0),  # "is preparing to send troops"
                         ((None, "transfer", "troops", "RU"), props.FRAME_BONUS),  # "troops were sent to Russia"
                         ((None, "transfer", "troops", "UA"), 0.0), ((None, "transfer", "drones", "RU"), 0.0)]:
        b = props.Item("b", "d2", 0, 2, "y", "indirect")
        b.frame = other
        assert props.frame_term(said, b) == bonus, other
    # each leaving out what the other says: "sent troops" / "provided something to Russia"
    said.frame = ("KP", "transfer", "troops", None)
    for other, bonus in [(("KP", "transfer", None, "RU"), 0.0), (("KP", "transfer", None, None), props.FRAME_BONUS)]:
        b = props.Item("b", "d2", 0, 2, "y", "indirect")
        b.frame = other
        assert props.frame_term(said, b) == bonus, other


def test_a_kind_of_theme_meets_its_kind_and_an_unsaid_giver_needs_all_else_said():
    said = props.Item("a", "d1", 0, 1, "x", "indirect")
    said.frame = ("PT", "transfer", "drones", "ES")
    for other, bonus in [(("PT", "transfer", "weapons", None), props.FRAME_BONUS),  # "we have sent no weapons to anyone"
                         (("PT", "transfer", "weapons", "ES"), props.FRAME_BONUS),
                         (("PT", "transfer", "troops", "ES"), 0.0),  # troops are no weapons
                         ((None, "transfer", "drones", None), 0.0),  # "drones were shipped": to where, unsaid
                         ((None, "transfer", "weapons", "ES"), 0.0)]:  # a guess on a guess
        b = props.Item("b", "d2", 0, 2, "y", "indirect")
        b.frame = other
        assert props.frame_term(said, b) == bonus, other


def test_a_label_names_its_own_subject():
    # the most central claim is "They will be ready ...": a label read alone needs its subject
    cores = ["They will be ready for combat by May", "Belarusian troops will be sent to the front in May",
             "may be sent to the front"]
    items = []
    for k, core in enumerate(cores):
        it = props.Item(f"c{k}", "d1", k, k, core, "indirect")
        it.core = core
        items.append(it)
    X = np.array([[1.0, 0.0], [0.6, 0.8], [0.9, 0.1]])
    assert props.label(items, X) == "Belarusian troops will be sent to the front in May"
    assert props.label(items[:1], X[:1]) == "They will be ready for combat by May"  # none better: the one there is


def test_a_force_in_combat_is_one_frame_whoever_says_whose_it_is():
    said = props.Item("a", "d1", 0, 1, "x", "indirect")
    said.frame = (None, "combat", None, None)  # "they are not on the front line yet"
    for other, bonus in [(("BY", "combat", "troops", None), props.FRAME_BONUS),  # "Belarusian troops sent to the front"
                         ((None, "combat", "troops", None), props.FRAME_BONUS),
                         ((None, "transfer", "troops", "RS"), 0.0),  # being sent to a country is another state of affairs
                         (("BY", "transfer", "troops", None), 0.0)]:
        b = props.Item("b", "d2", 0, 2, "y", "indirect")
        b.frame = other
        assert props.frame_term(said, b) == bonus, other
    said.frame = ("BY", "combat", "troops", None)
    b = props.Item("b", "d2", 0, 2, "y", "indirect")
    b.frame = ("HR", "combat", "troops", None)  # another country's force
    assert props.frame_term(said, b) == 0.0


def test_not_at_the_front_contradicts_will_fight_in_other_words():
    # "they are not on the front line yet" / "the first troops would be used in combat zones":
    # one force in combat, with no content word in common
    no = Said(pos("a", 1, polarity="negative"), "S1", {}, ("d1", 0), frozenset(), frozenset({"front", "line"}),
              negated="front", frame=(None, "combat", None, None))
    yes = Said(pos("b", 2), "S2", {}, ("d2", 0), frozenset(), frozenset({"first", "troops", "used", "combat", "zones"}),
               frame=("BY", "combat", "troops", None))
    other = Said(pos("c", 3), "S3", {}, ("d3", 0), frozenset(), frozenset({"first", "troops", "arrived", "serbia"}),
                 frame=("BY", "transfer", None, "RS"))
    assert {frozenset((r.a, r.b)) for r in relate("p", [no, yes, other]) if r.kind == "contradicts"} == {frozenset(("a", "b"))}


def test_one_wire_item_under_two_sites_headers_and_footers_is_a_copy():
    # the item is some 55-60% of the shorter page: the rest is each site's header and footer
    rnd = random.Random(7)
    item = " ".join(f"w{rnd.randrange(5000)}" for _ in range(64))
    first = " ".join(f"a{rnd.randrange(5000)}" for _ in range(38)) + " " + item + " " + " ".join(f"b{rnd.randrange(5000)}" for _ in range(8))
    second = " ".join(f"c{rnd.randrange(5000)}" for _ in range(70)) + " " + item + " " + " ".join(f"d{rnd.randrange(5000)}" for _ in range(10))
    found = find_copies([("first", first, "2024-01-01"), ("second", second, "2024-01-02")])
    assert found.keys() == {"second"} and found["second"][1] < 0.5


def test_claims_of_one_frame_can_contradict_with_no_word_in_common():
    # "Lisbon shelled the port" / "nothing allows us to say it was a Portuguese strike": one act of one country
    a = Said(pos("a", 1), "S1", {}, ("d1", 0), frozenset(), frozenset({"lisbon", "shelled", "port"}), frame=("PT", "attack"))
    b = Said(pos("b", 2, polarity="negative"), "S2", {}, ("d2", 0), frozenset(), frozenset({"nothing", "allows", "portuguese", "strike"}),
             frame=("PT", "attack"))
    c = Said(pos("c", 3, polarity="negative"), "S3", {}, ("d3", 0), frozenset(), frozenset({"harbour", "closed"}), frame=("ES", "attack"))
    assert {frozenset((r.a, r.b)) for r in relate("p", [a, b, c]) if r.kind == "contradicts"} == {frozenset(("a", "b"))}


def test_a_claim_inside_a_denial_is_what_it_denies():
    # "Lisbon rejected claims made by Madrid that the fees were raised": the denial went to the
    # story's main group, Madrid's claim inside it stayed with another by its words; it follows
    # the denial. Inside an assertion ("much lower than the 471 announced by X") it stays.
    said = [("a", "d1", "Portuguese sailors are serving on Spanish navy ships", "asserted"),
            ("c", "d2", "claims made by Madrid that the harbour fees were raised twice", "denied"),
            ("d", "d2", "that the harbour fees were raised twice", "asserted"),
            ("e", "d3", "the harbour fees were raised twice", "asserted"),
            ("f", "d4", "the toll is much lower than the 471 announced by the port", "asserted"),
            ("g", "d4", "the 471 announced by the port", "asserted")]
    items = []
    for n, (i, doc, text, stance) in enumerate(said):
        it = props.Item(i, doc, n, n, text, "indirect")
        it.stance = stance
        items.append(it)
    cluster = [0, 0, 2, 2, 4, 5]
    members = {0: [0, 1], 2: [2, 3], 4: [4], 5: [5]}
    props.attach_nested(items, cluster, members)
    assert cluster[2] == cluster[1] == 0 and cluster[3] == 3 and members[3] == [3]  # e's group re-keyed
    assert cluster[5] != cluster[4]
    assert sorted(i for ms in members.values() for i in ms) == list(range(6))


def test_a_denial_answers_its_own_article_first():
    # more claims for than a denial may contradict: those of its own article come first
    for_ = [Said(pos(f"f{k}", 10 + k), f"S{k}", {}, ("d0", k), frozenset(), frozenset({"sailors", "navy"})) for k in range(25)]
    own = Said(pos("own", 99), "Madrid", {}, ("d9", 0), frozenset(), frozenset({"sailors", "navy"}))
    no = Said(pos("no", 1, "denied"), "Lisbon", {}, ("d9", 1), frozenset(), frozenset({"claims", "sailors", "basis"}))
    flagged = {r.b if r.a == "no" else r.a for r in relate("p", [*for_, own, no]) if r.kind == "contradicts"}
    assert "own" in flagged


def test_a_denial_of_reports_is_no_denial_of_ones_own_act():
    from storyledger.ledger.link import denies_own_act

    assert denies_own_act("responsibility for the blast", "denied")
    assert not denies_own_act("such claims have no basis", "denied")
    assert not denies_own_act("the allegations as false", "denied")
    assert not denies_own_act("responsibility for the blast", "asserted")


def test_a_denial_of_such_claims_answers_the_report_just_before_it():
    # "Madrid says Portuguese sailors serve on its ships. Lisbon: such claims have no basis." The
    # denial answers the claim just before it by another source, not the story's largest group
    said = [("a", "d1", 0, 1, "the harbour fees were raised twice this year", "asserted"),
            ("b", "d2", 0, 2, "the harbour fees were raised twice in one year", "asserted"),
            ("c", "d3", 0, 3, "the harbour fees were raised twice, the mayor confirmed", "asserted"),
            ("d", "d4", 0, 4, "Portuguese sailors are serving on Spanish navy ships", "asserted"),
            ("e", "d4", 1, 5, "such claims have no basis in fact", "denied"),
            ("f", "d1", 9, 6, "such claims have no basis at all", "denied")]  # nothing just before it: the main group
    items = []
    for i, doc, seq, source, text, stance in said:
        it = props.Item(i, doc, seq, source, text, "indirect")
        it.stance = stance
        it.core = text
        it.keys = frozenset(props.keys(text))
        items.append(it)

    def attach():
        cluster = [0, 0, 0, 3, 4, 5]
        members = {0: [0, 1, 2], 3: [3], 4: [4], 5: [5]}
        props.attach_open_questions(items, cluster, members)
        assert sorted(i for ms in members.values() for i in ms) == list(range(6))
        return cluster
    cluster = attach()
    assert cluster[4] == cluster[3] == 3 and cluster[5] == 0
    # so does a warning off what others say, which names none of its words
    items[4].core = items[4].content = "the parties against making \"irresponsible remarks\""
    assert props.WARNED_OFF.search(items[4].core) and not props.DENIED_REPORT.match(items[4].core)
    cluster = attach()
    assert cluster[4] == cluster[3] == 3
    items[4].core = items[4].content = "residents against returning to the port"  # no denial of reports
    cluster = attach()
    assert cluster[4] == 4
    # a denial that restates what it denies in a frame of its own stays where its frame put it
    items[5].frame = ("PT", "fight", "troops", "ES")
    cluster = attach()
    assert cluster[5] == 5


def test_a_flat_denial_after_a_count_answers_the_uncounted_state_of_affairs():
    # "Madrid says 300 Portuguese sailors serve on its ships. Lisbon: such claims have no basis."
    # Lisbon denies that they serve at all, not the figure: it joins the group of the claims that
    # they serve, where one exists, and the count's own group otherwise
    said = [("a", "d1", 0, 1, "Portuguese sailors are serving on Spanish navy ships", ("PT", "fight", "troops", "ES")),
            ("b", "d2", 0, 2, "Portuguese sailors serve in the Spanish navy", ("PT", "fight", "troops", "ES")),
            ("c", "d3", 0, 3, "300 Portuguese sailors are serving on Spanish ships", ("PT", "fight", "troops (count)", "ES")),
            ("d", "d3", 2, 4, "such claims have no basis in fact", None),
            ("e", "d3", 1, 4, "the claims", None)]
    items = []
    for i, doc, seq, source, text, frame in said:
        it = props.Item(i, doc, seq, source, text, "indirect")
        it.stance = "asserted" if frame else "denied"
        it.core = text
        it.keys = frozenset(props.keys(text))
        it.frame = frame
        items.append(it)
    cluster, members = [0, 0, 2, 3, 4], {0: [0, 1], 2: [2], 3: [3], 4: [4]}
    props.attach_vague(items, cluster, members)  # "the claims": the claim before it
    props.attach_open_questions(items, cluster, members)  # "such claims have no basis": the report before it
    assert cluster[3] == 0 and cluster[4] == 0 and cluster[2] == 2
    # with no group of the state of affairs uncounted, the count's group
    items[0].frame = items[1].frame = ("PT", "fight", "ships", "ES")
    cluster, members = [0, 0, 2, 3, 4], {0: [0, 1], 2: [2], 3: [3], 4: [4]}
    props.attach_vague(items, cluster, members)
    props.attach_open_questions(items, cluster, members)
    assert cluster[3] == 2


def test_a_dismissal_of_the_reports_as_reports_answers_what_was_reported():
    # "Madrid says Portuguese sailors serve on its ships. Lisbon: a smear campaign." / "... we
    # have no such information": what dismisses the reports, naming none of their words, answers
    # the report just before it, else the story's largest group, from wherever its words put it
    said = [("a", "d1", 0, 1, "the harbour fees were raised twice this year", "asserted", False),
            ("b", "d2", 0, 2, "the harbour fees were raised twice in one year", "asserted", False),
            ("c", "d4", 0, 4, "Portuguese sailors are serving on Spanish navy ships", "asserted", False),
            ("d", "d4", 1, 5, "the West is waging a smear campaign against Lisbon", "asserted", False),
            ("e", "d5", 0, 6, "we have no such information", "asserted", True),
            ("f", "d6", 0, 7, "the tourist office has no such information on its website", "asserted", False),
            ("g", "d6", 1, 8, "all responsibility lies with the port authority", "asserted", False)]
    items = []
    for i, doc, seq, source, text, stance, negative in said:
        it = props.Item(i, doc, seq, source, text, "indirect")
        it.stance, it.negative, it.core = stance, negative, text
        it.keys = frozenset(props.keys(text))
        items.append(it)
    cluster = [0, 0, 2, 3, 3, 5, 6]  # the two dismissals grouped by their likeness
    members = {0: [0, 1], 2: [2], 3: [3, 4], 5: [5], 6: [6]}
    props.attach_open_questions(items, cluster, members)
    assert sorted(i for ms in members.values() for i in ms) == list(range(7))
    assert cluster[3] == cluster[2]  # the smear campaign answers the sailors, just before it
    assert cluster[4] == cluster[0]  # nothing before it: the story's largest group
    # "no such information" only from one who says not; "lies with" is no lie
    assert cluster[5] == 5 and cluster[6] == 6
    # one that sits in a large group was placed there by its likeness, and stays
    items[4].negative = False
    cluster = [0, 0, 2, 3, 3, 3, 3]
    members = {0: [0, 1], 2: [2], 3: [3, 4, 5, 6]}
    props.attach_open_questions(items, cluster, members)
    assert cluster[3] == 3 != cluster[2]


def test_words_one_claim_quotes_and_another_repeats_pull_them_together(monkeypatch):
    items = [props.Item("a", "d1", 0, 1, "this was a “catastrophic loss” of the hull, which would have made a sound", "indirect"),
             props.Item("b", "d2", 0, 2, "the debris points to the catastrophic loss of the vessel", "indirect"),
             props.Item("c", "d3", 0, 3, "the reports were 'fake' and the crew’s families were told", "indirect"),
             props.Item("d", "d4", 0, 4, "the news was fake, officials said", "indirect")]
    assert props.quotes_in(items[0].content) == (" catastrophic loss ",)
    assert props.quotes_in(items[2].content) == ()  # one quoted word, and an apostrophe, are no quote
    assert props.quote_term(items[0], items[1]) == props.quote_term(items[1], items[0]) == props.QUOTE_BONUS
    assert props.quote_term(items[2], items[3]) == 0.0
    assert props.quoting_pairs(items) == {(0, 1)}
    for it in items:
        it.core = it.content
        it.keys = frozenset(props.keys(it.content))
    X = fake_embedder([it.content for it in items])
    idf = {k: 1.0 for it in items for k in it.keys}
    with_quote = props.similarity_matrix(items, X, idf)
    monkeypatch.setattr(props, "QUOTE_BONUS", 0.0)
    without = props.similarity_matrix(items, X, idf)
    assert with_quote[0, 1] - without[0, 1] == pytest.approx(0.3)
    assert with_quote[2, 3] == pytest.approx(without[2, 3])
