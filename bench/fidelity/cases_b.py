"""Cases 5-8 of the fidelity set (see cases_a.py)."""
from fidelity_lib import Case

PULL = "https://github.com/wellcomecollection/wellcomecollection.org/pull/"


def story_page_404():
    c = Case("2022-09-09-story-page-404", "2022-09-09_story-page-appearing-then-replaced-by-a-404.md",
             "2022-09-09", "2022-09-09",
             {"DB": "Danny Birch", "AC": "Alex Chambers", "JP": "Jamie Parker", "MR": "Maya Reid", "RC": "Rosa Costa",
              "NP": "Nadia Patel"},
             "2022-09-09: a story page replaced by a 404 (reported through digital@), two fixes and a deploy bug; "
             "a follow-up four days later; no alert", team="wc-experience", channels=("wc-digital-platform",),
             toml_people={"enquiries@example.net": ("Enquirer", "EQ")})
    c.on("2022-09-09")
    c.mail("14.12", "A. Reader <enquiries@example.net>", "digital@wellcomecollection.org",
           "Story page disappearing",
           "Hello,\n\nThe story page https://wellcomecollection.org/articles/YdQ6AhAAAJMQ5mEg appears for a moment "
           "and then disappears, to be replaced by a 404 page.\n\nBest wishes\n", kw=["404"], opt=True,
           why="the enquiry DB passes on ('via digital@'); the retro does not time it")
    for hhmm, kw, words in (("14.21", "identifies the initial issue", "14.21 DB identifies the initial issue"),
                            ("15.14", "initial fix is deployed", "15.14 Initial fix is deployed …"),
                            ("16.35", "failing e2e", "16.35 Issues deploying to prod because of failing e2e tests"),
                            ("16.45", "better fix opened", "16.45 Better fix opened that will fix e2e tests"),
                            ("16.48", "better fix is merged", "16.48 Better fix is merged and enters deployment"),
                            ("17.07", "incident done", "17.07 Incident done")):
        c.expect(hhmm, None, "message", [kw], "", optional=True,
                 why=f"'**{words}**': a summary heading written for the retro; no source holds its words")
    parent = c.msg("14.21", "DB", "this is an odd one, via digital@. this page\n"
                   "https://wellcomecollection.org/articles/YdQ6AhAAAJMQ5mEg\n(a story page, from 2022) is appearing, "
                   "and then disappearing, to be replaced by a 404", kw=["odd one"])
    c.msg("14.31", "AC", f"initial guess at the fix: {PULL}8434 Remember to serialise API results using superjson",
          kw=["8434"], thread=parent)
    c.pr(8434, "Remember to serialise API results using superjson", "AC", "14.54", merged_by="JP", kw=["8434"],
         opt=True, why="the merge the 14.55 line speaks of")
    c.msg("14.55", "JP", "PR is reviewed and being deployed", kw=["being deployed"], actor=None, thread=parent)
    c.msg("15.14", "AC", "we may need to do a CloudFront invalidation", kw=["cloudfront invalidation"], sec=8,
          thread=parent)
    c.msg("15.14", "JP", "I'll do the invalidation", kw=["invalidation"], opt=True, sec=50, thread=parent,
          why="(JP said they would do it)")
    c.msg("16.11", "DB", "still seeing the error on a different page; this time an exhibition page "
          "https://wellcomecollection.org/exhibitions/YjiSFxEAACIAcqpb", kw=["different page"], thread=parent)
    c.msg("16.13", "JP", "patch needs to be applied to exhibitions too", kw=["exhibitions too"], thread=parent)
    c.msg("16.15", "JP", "I've run the CloudFront invalidation", kw=["cloudfront invalidation"], thread=parent)
    c.msg("16.22", "AC", "I think the bug is somewhere in the interaction between fetchExhibitionRelatedContentClientSide "
          "in https://github.com/wellcomecollection/wellcomecollection.org/blob/main/content/webapp/services/prismic/"
          "fetch/exhibitions.ts and the API\nIn particular I think we want to be using superjson to parse the response",
          kw=["fetchexhibitionrelatedcontentclientside"], thread=parent)
    c.msg("16.31", "AC", "The specific bug here is in the client-side fetchers we have for getting related content, eg "
          "the list of “read more” on an article\nThat gets fetched asynchronously so as not to block the main page "
          "load, which means it doesn't go through getServerSideProps", kw=["client-side fetchers"], thread=parent)
    c.msg("16.35", "AC", "One thing we should capture as a result if this bug (next week!) is a list of URLs where these "
          "api endpoints return non-empty lists", kw=["non-empty lists"], thread=parent)
    c.msg("16.39", "JP", "pushed PR to prod", kw=["pushed pr"], thread=parent)
    c.msg("16.43", "JP", "e2e failing\nstill a JSON error; this is not as bad as the page disappearing so going to "
          "override e2e tests and push to prod", kw=["e2e failing"], thread=parent)
    c.msg("16.45", "AC", f"superjson expects text, not an already-parsed JSON object {PULL}8436", kw=["superjson expects text"],
          thread=parent)
    c.msg("16.47", "JP", "oh my god, weco-deploy erroring locally\n“Expected maxsize to be an integer or None”",
          kw=["weco-deploy"], ch="wc-digital-platform")
    c.msg("16.48", "AC", "weco-deploy bug needs a newer Python", kw=["newer python"], ch="wc-digital-platform", sec=20)
    c.pr(8436, "superjson expects text, not an already-parsed JSON object", "AC", "16.48", merged_by="JP",
         kw=["8436"], actor="JP", line="16.48 JP merges the second PR #8436, which starts rolling out to stage")
    c.msg("16.59", "JP", "#8436 is deployed and fixed in stage", kw=["fixed in stage"], actor=None, thread=parent)
    c.msg("17.03", "JP", "prod deployment of #8436 is happening", kw=["prod deployment"], actor=None, thread=parent)
    c.msg("17.07", "JP", "Also fixed for me", kw=["fixed for me"], thread=parent)
    c.on("2022-09-13")
    c.mail("10.32", "A. Reader <enquiries@example.net>", "digital@wellcomecollection.org",
           "Error page: Not the Wellcome you were expecting",
           "Hello again,\n\nI am now getting a page saying \"Not the Wellcome you were expecting\" on the story page.\n",
           kw=["not the wellcome"], opt=True, why="Tuesday 13 September: the enquirer's report (untimed)")
    t = c.msg("11.05", "JP", "an enquirer is seeing the 'Not the Wellcome you were expecting' page again; I see the same "
              "using Safari v13", kw=["safari"], opt=True, tol=120, ch="wc-digital-platform",
              why="JP saw the same using Safari v 13 (untimed)")
    c.msg("11.12", "MR", "web site working for me in Safari v14", kw=["safari"], opt=True, tol=120, thread=t,
          ch="wc-digital-platform", why="MR web site working in Safari v14 (untimed)")
    c.msg("11.20", "RC", "working in Safari v15", kw=["safari"], opt=True, tol=120, thread=t, ch="wc-digital-platform",
          why="RC working in v15 (untimed)")
    c.msg("15.48", "JP", "reported fixed to the enquirer", kw=["fixed"], thread=t, ch="wc-digital-platform")
    return c, {"first": ("2022-09-09", "14.21"), "last": ("2022-09-09", "17.07"), "parent": parent,
               "next_day": "2022-09-12"}


def cannot_search_2025_11():
    c = Case("2025-11-20-cannot-search-works-and-images", "2025-11-20_cannot_search_works_and_images.md",
             "2025-11-20", "2025-11-20",
             {"SB": "Stefan Brychta", "RC": "Rosa Costa", "RK": "Robert Kenny", "AG": "Alice Gordon"},
             "2025-11-20: works API down after a terraform apply rotated the Elastic API key, and image search "
             "stuck behind the cache (two topics at once); LogicMonitor alert", team="wc-platform",
             repo="catalogue-pipeline")
    c.on("2025-11-20")
    c.pr(312, "Add an experimental works index to the production cluster", "SB", "08.48", repo="catalogue-pipeline",
         kw=["works index"], actor="SB", line="8.48 SB created new works index in production cluster")
    c.bot("08.50", "", attachments=[{"fallback": "LogicMonitor: Works API HTTP check failed",
                                     "title": "[critical] Works API - HTTP check failed",
                                     "text": "api.wellcomecollection.org/catalogue/v2/works returned 500", "color": "danger"}],
          username="LogicMonitor", bot_id="B01LOGICM01")
    c.expect("08.50", None, "alert", ["logicmonitor", "works api"], "", optional=True,
             why="'Logic Monitor alerted about this' (untimed; RC: first flagged at 8:50am)",
             records=[("logicmonitor post", "LogicMonitor: Works API HTTP check failed")])
    c.bot("09.27", "", attachments=[{"fallback": "LogicMonitor: Works API HTTP check cleared",
                                     "title": "[cleared] Works API - HTTP check", "color": "good"}],
          username="LogicMonitor", bot_id="B01LOGICM01")
    c.expect("09.27", None, "alert", ["logicmonitor", "works api"], "", optional=True,
             why="the LogicMonitor clear (not in the retro)", records=[("logicmonitor post", "LogicMonitor: Works API")])
    parent = c.msg("08.52", "RC", "Works API down. Concepts and Content APIs okay", kw=["works api down"], sec=10)
    c.msg("08.52", "RK", "Scala app issue if it's not concepts.", kw=["scala app"], opt=True, sec=40, thread=parent,
          why="RK Scala app issue … (continuation)")
    c.msg("08.53", "SB", "I recently applied some terraform adding a new experimental work index. I can't see how that "
          "would cause this issue, but I'm mentioning it just in case it's connected", kw=["applied some terraform"],
          opt=True, thread=parent, why="SB I recently applied some terraform … (continuation)")
    c.msg("08.53", "RC", "LogicMonitor first flagged it at 8:50am", kw=["8:50"], opt=True, thread=parent, sec=50,
          why="RC LogicMonitor first flagged it at 8:50am (continuation)")
    c.msg("09.06", "SB", "I tested the API locally and it works fine so I don't think it's an ES issue",
          kw=["tested the"], thread=parent)
    c.msg("09.08", "SB", "Actually, it might be an ES issue. From the logs, the service can't authenticate:\n```\n"
          "09:06:47.013 [main-actor-system-pekko.actor.default-dispatcher-12] ERROR w.a.s.e.ElasticsearchErrorHandler$ - "
          "Sending HTTP 500 from ElasticsearchErrorHandler$ (Unknown error; ElasticError(security_exception,unable to "
          "authenticate with provided credentials and anonymous access is not allowed for this request))\n```",
          kw=["can't authenticate"], thread=parent)
    c.msg("09.12", "RC", "Catalogue pipeline repo was modified 28mins ago", kw=["modified"], thread=parent)
    c.msg("09.16", "RC", "All tasks have been restarted now, not that it changed anything: https://eu-west-1.console.aws."
          "amazon.com/ecs/v2/clusters/catalogue-api-2021-04-26/services/prod-items-api/tasks?region=eu-west-1",
          kw=["restarted"], thread=parent, sec=6)
    c.msg("09.16", "SB", "I also restarted the search API just in case", kw=["search api"], opt=True, thread=parent,
          sec=30, why="SB I also restarted the search API (continuation)")
    c.msg("09.17", "SB", "I tested the API key used by the catalogue API and it's valid", kw=["api key"], opt=True,
          thread=parent, why="SB I tested the API key (continuation)")
    c.msg("09.22", "RC", "API fails in staging too (e.g. https://api-stage.wellcomecollection.org/catalogue/v2/works/"
          "a2239muq ) , so just local works @brychtas?", kw=["staging"], thread=parent, sec=8)
    c.msg("09.22", "SB", "Yes, I think so. I can use the API locally, connected to the prod index", kw=["locally"],
          opt=True, thread=parent, sec=50, why="SB Yes, I think so … (continuation)")
    c.msg("09.26", "RC", "Seems to be back. Not images though\nThe works tasks were re-restarted 5mins ago (not by me) "
          "maybe that helped.", kw=["seems to be back"], thread=parent)
    c.msg("09.28", "SB", "I think it's all back now", kw=["all back"], thread=parent)
    c.msg("09.29", "RC", "Image search still doesn't work for me", kw=["image search"], ch="wc-platform", sec=5)
    c.msg("09.29", "SB", "I think it takes a while due to caching. It works for me in browser private mode now",
          kw=["caching"], opt=True, sec=30, why="SB I think it takes a while due to caching (continuation)")
    c.msg("09.30", "RC", "OK it's cache (i'll clear it)\nSo all good", kw=["it's cache"], opt=True, sec=5,
          why="RC OK it's cache (continuation)")
    c.msg("09.30", "SB", "*Something* we did probably fixed it, but I'm not sure what. Apart from restarting the tasks, "
          "I also applied the catalogue-api terraform, which applied an older task definition", kw=["something"],
          opt=True, sec=40, why="SB *Something* we did probably fixed it (continuation)")
    c.msg("09.32", "RK", "API key got updated at 8:48 this morning.", kw=["api key got updated"], sec=5)
    for hhmm, who, text, kw in (
            ("09.32", "RC", "That would be it, it alerted at 8:50.", "that would be it"),
            ("09.33", "SB", "That's likely due to the terraform change I applied, which created a new works index. I "
                            "don't know why that would cause ES to recreate existing API keys though", "likely due to"),
            ("09.33", "RK", "Presuming there was also a Catalogue pipeline terraform update?\nWhich possibly created a "
                            "new version of the key, for some reason", "presuming"),
            ("09.34", "SB", "Looking at the version history of the ES secret, the previous version was created on "
                            "October 9, which is when we created the previous experimental works index.\nIs it possible "
                            "that whenever we create a new works index in the terraform stack, Elasticsearch "
                            "automatically recreates the API keys?", "version history"),
            ("09.34", "RK", "Don't know why a new key would have got created, perhaps it's that we should work it out\n"
                            "We can make the Scala APIs resilient to key rotations in any case.", "don't know why"),
            ("09.35", "SB", "I think it was probably the fact that we restarted the services, which allowed them to grab "
                            "new API keys from Secrets Manager", "restarted the services"),
            ("09.35", "RC", "I don't think my restarts fixed it. The last ones did. Unless it took 10 minutes.",
             "my restarts"),
            ("09.36", "SB", "I tried adding yet another works index (just planning, not applying), and terraform does "
                            "try to recreate the API key", "yet another works index")):
        c.msg(hhmm, who, text, kw=[kw], opt=True, tol=4, why="a continuation of the 9.32 block: " + kw,
              actor=who if who != "SB" or kw != "restarted the services" else None)
    c.expect("09.32", None, "message", ["[the fix:]"], "", optional=True, why="'[The fix:] SB …' (no-actor line)")
    c.msg("09.35", "RC", "Total downtime would be about 35mins", kw=["total downtime"], sec=45)
    c.msg("09.36", "RC", "I think we can call this good - if @brychtas agrees with the root cause, this is unlikely to "
          "re-occur unexpectedly.", kw=["call this good"], actor=None, sec=50)
    c.pr(318, "Make the works API reload its Elasticsearch API key", "RK", repo="catalogue-api")
    return c, {"first": ("2025-11-20", "08.48"), "last": ("2025-11-20", "09.36"), "parent": parent}


UPDOWN_2022 = ["Experience: Content: Homepage (cached)", "Experience: Content: Homepage (origin)",
               "Experience: Content: What’s on (cached)", "Experience: Content: What’s on (origin)"]


def home_page_and_whats_on():
    c = Case("2022-02-24-home-page-and-whats-on", "2022-02-24_home-page-and-whats-on-not-available.md",
             "2022-02-24", "2022-02-24",
             {"AC": "Alex Chambers", "DMc": "Dana McCabe", "PB": "Paul Butler", "JT": "Jo Turner", "GE": "Gareth Ellis"},
             "2022-02-24: home page and What's on down after a Prismic model change merged the day before; four "
             "updown checks, Statuspage, fixes merged during the incident", team="wc-platform",
             toml_people={"Dana McCabe": ("Dana McCabe", "DMc")})
    c.on("2022-02-23")
    c.pr(7697, "Remove place from event (Prismic model and app types)", "DMc", "16.41", kw=["7697"], opt=True,
         why="'PR merged Remove place from event … #7697' on 23 February (untimed)")
    c.msg("17.02", "DMc", "I've applied the Prismic model change to remove place from events", kw=["place"],
          opt=True, tol=10, why="'The model change happened at about 17:00 on the 23rd Feb' (untimed)")
    c.on("2022-02-24")
    c.updown("08.47", UPDOWN_2022, kw=["alert down"], line="08.47 Alert down for: (four checks)")
    for name in UPDOWN_2022:
        c.group(name, "08.47", "08.47", 1, last_clear="10.07")
    parent = c.msg("08.48", "AC", "I reckon this is probably @dmc's change to the Prismic model – the deployed code is still "
                   "looking for “place”, but it can't find it because we've removed it\nAnd deploying the front-end is "
                   f"blocked because it's broken in a different way\nI believe this fix will get the deployment unblocked: "
                   f"{PULL}7704", kw=["prismic model"])
    c.msg("08.50", "AC", "I'm going to merge #7704 by fiat and we can review it later, to unblock the deployment and get "
          "the homepage working again\nSpecifically: we check a set of URLs for 200'ing as part of the deployment "
          "process\nOne of those URLs is 500'ing, which means we shouldn't be allowed to deploy… but it's not as bad as "
          "the prod front-end, which is totally broken", kw=["7704"], sec=12, thread=parent)
    c.pr(7704, "Unblock the deployment: tolerate events without a place", "AC", "08.50", kw=["7704"], opt=True,
         why="the merge of the 08.50 line")
    inv = c.statuspage("08.52", "Investigating", "The home page and events pages are not available. We are "
                       "investigating.", "Home page and events not available", kw=["not available"],
                       line="08.52 Statuspage update created for home page and events not available")
    c.msg("09.06", "AC", "still broken https://buildkite.com/wellcomecollection/experience-deployment/builds/658",
          kw=["still broken"], sec=10, thread=parent)
    c.msg("09.07", "DMc", "but I'm wondering if putting `place` back into the Prismic model would make sense",
          kw=["putting"], opt=True, tol=2, thread=parent, why="DMc but I'm wondering … (untimed)")
    c.msg("09.10", "AC", "depends how long it would take to propagate\nI suspect the issue is that Prismic has only just "
          "propagated the model change you applied yesterday", kw=["propagate"], thread=parent)
    c.msg("09.23", "DMc", f"PR: {PULL}7705 Stop 500ing", kw=["7705"], thread=parent)
    c.msg("09.25", "PB", "Is it relevant that place is mentioned in this graphQuery?", kw=["graphquery"], thread=parent)
    c.msg("09.26", "DMc", f"I think this is another possible issue {PULL}7705/files\nI had thought that putting place back "
          "on the Prismic model would be fairly instant, but perhaps Alex was right about propagation\nin any event, "
          "this change brings the site back up locally for me", kw=["another possible issue"], thread=parent, sec=10)
    c.msg("09.26", "DMc", "PB's review of the above isn't powerful enough", kw=["powerful enough"], opt=True, sec=50,
          actor="PB", alt=["DMc"], thread=parent, why="PB’s review of the above isn’t powerful enough (untimed)")
    c.msg("09.32", "DMc", "I can't add PB to https://github.com/orgs/wellcomecollection/teams/js-ts-reviewers",
          kw=["js-ts-reviewers"], thread=parent)
    c.msg("09.37", "DMc", "I can't force the PR or push to main", kw=["push to main"], thread=parent)
    c.msg("09.38", "DMc", "Then I suppose we must wait for @Gareth or for the interviews to finish", kw=["interviews"],
          actor=None, thread=parent)
    c.msg("09.40", "PB", "JT could you add me to https://github.com/orgs/wellcomecollection/teams/js-ts-reviewers?",
          kw=["js-ts-reviewers"], thread=parent)
    c.msg("09.44", "JT", "done, you're in js-ts-reviewers", kw=["js-ts-reviewers"], opt=True, thread=parent,
          why="'done at 09.44' inside the 09.40 line")
    c.msg("09.49", "PB", "While we wait for that to go through - Is the underlying cause of this down to the delay in "
          "Prismic propagation?", kw=["underlying cause"], thread=parent)
    c.pr(7705, "Stop 500ing", "DMc", "09.52", merged_by="PB", kw=["7705"], opt=True,
         why="the merge of #7705 (the retro does not time it)")
    c.updown("10.07", UPDOWN_2022, up=True, minutes=80, kw=["recover"], line="10.07 Recovery for: (four checks)")
    c.statuspage("10.11", "Resolved", "This incident has been resolved.", "Home page and events not available",
                 kw=["resolved"], line="10.11 Statuspage update: resolved", earlier=[inv])
    return c, {"first": ("2022-02-24", "08.47"), "last": ("2022-02-24", "10.11"), "parent": parent}


def elastic_upgrade():
    c = Case("2022-09-22-search-errors-elastic-upgrade",
             "2022-09-22_increased-rate-of-errors-in-searches-on-wellcomecollection-dot-org.md",
             "2022-09-22", "2022-09-23",
             {"AC": "Alex Chambers", "PB": "Paul Butler", "NP": "Nadia Patel", "JP": "Jamie Parker"},
             "2022-09-22/23: search errors after an Elasticsearch upgrade, fixed the next morning; no alert fired",
             team="wc-platform", repo="catalogue-api")
    c.on("2022-09-22")
    parent = c.msg("13.00", "AC", "triggering an upgrade of the API Elastic cluster from 8.4.1 to 8.4.2 by applying the "
                   "Terraform in the pipeline stack", kw=["8.4.2"])
    c.msg("13.23", "AC", "seeing “totalTermFreq must be at least docFreq” errors coming from Elasticsearch. Unclear if "
          "the upgrade caused it", kw=["totaltermfreq"], thread=parent)
    c.msg("13.29", "AC", "Nothing obvious in Google/Twitter/GitHub to suggest other people have similar issues",
          kw=["nothing obvious"], opt=True, tol=10, thread=parent, why="'Other debugging at this stage' (untimed)")
    c.msg("13.33", "AC", "No significant activity in the pipeline that might be stressing the cluster",
          kw=["no significant activity"], opt=True, tol=10, thread=parent, why="'Other debugging' (untimed)")
    c.msg("13.41", "AC", "I've disabled the catalogue pipeline entirely, to avoid further changes to the affected cluster",
          kw=["catalogue pipeline"], thread=parent)
    c.msg("14.00", "PB", "got a minimal query that reproduces the error", kw=["minimal query"], actor="AC", alt=["PB"],
          sec=12, thread=parent, line="14.00 AC and PB identify a minimal query that reproduces the error.")
    c.msg("14.00", "AC", "yes, that minimal query fails every time", kw=["minimal query"], opt=True, sec=48,
          thread=parent, why="AC's half of 'AC and PB identify a minimal query'")
    c.msg("14.02", "AC", "triggering an in-cluster reindex to try to rebuild the index", kw=["in-cluster reindex"],
          thread=parent)
    c.msg("14.42", "AC", "The in-cluster reindex fails with the same error", kw=["in-cluster reindex"], actor=None,
          sec=8, thread=parent, line="14:42: The in-cluster reindex fails; AC and PB agree to kick off a pipeline reindex.")
    c.msg("14.42", "PB", "agreed, let's kick off a pipeline reindex", kw=["pipeline reindex"], opt=True, sec=44,
          thread=parent, why="PB's half of the 14:42 line")
    c.msg("15.17", "AC", "kicking off a clean reindex", kw=["clean reindex"], thread=parent)
    c.msg("18.46", "AC", "Reindex complete, deploying the new index to prod", kw=["reindex complete"], actor=None,
          thread=parent, line="18:46 Reindex completes, AC deploys the new index to prod. The issues persist.")
    c.msg("18.53", "AC", "The issues persist :disappointed:", kw=["persist"], opt=True, tol=8, thread=parent,
          why="'The issues persist' inside the 18:46 line")
    c.msg("19.55", "AC", "I've opened a ticket on Elasticsearch core with a reproducible test case "
          "https://github.com/elastic/elasticsearch/issues/90275", kw=["ticket"], thread=parent)
    c.mail("20.02", "Elastic engineer <notifications@github.com>",
           "elastic/elasticsearch <elasticsearch@noreply.github.com>",
           "Re: [elastic/elasticsearch] totalTermFreq must be at least docFreq after upgrading to 8.4.2 (Issue #90275)",
           "Thanks for the reproduction. This is a regression in 8.4.2; we are working on a fix.\n\n" +
           "-- \nReply to this email directly or view it on GitHub:\nhttps://github.com/elastic/elasticsearch/issues/90275\n",
           headers=["Precedence: list", "X-GitHub-Reason: author"], noise=True)
    c.msg("20.04", "AC", "Elastic engineers confirm the regression is in 8.4.2", kw=["regression"], opt=True, tol=10,
          thread=parent, why="'Elastic engineers confirm … a few minutes later' (untimed)")
    c.msg("21.10", "AC", "kicking off a new reindex into an 8.3 index to run overnight", kw=["8.3"], opt=True, tol=60,
          thread=parent, why="'Thursday eve: AC kicks off a new reindex into an 8.3 index' (untimed)")
    c.on("2022-09-23")
    c.msg("09.12", "AC", "promoted the 8.3 index to prod, which seems to resolve the issues", kw=["8.3"], opt=True,
          tol=120, thread=parent, why="'Morning AC promotes the 8.3 index to prod' on 23 September (untimed)")
    return c, {"first": ("2022-09-22", "13.00"), "last": ("2022-09-23", "09.12"), "parent": parent}


CASES = [story_page_404, cannot_search_2025_11, home_page_and_whats_on, elastic_upgrade]
