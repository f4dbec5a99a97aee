"""Cases 1-4 of the fidelity set: each function builds one Case from its published retro's timeline.
The words of each realising record are the retro line's, as chat; names are invented with the retro's
initials."""
from fidelity_lib import Case

HOME_JSON = "https://github.com/wellcomecollection/wellcomecollection.org/pull/"


def home_page_with_json():
    c = Case("2021-06-08-home-page-with-json", "2021-06-08_home-page-with-json.md", "2021-06-08", "2021-06-08",
             {"JG": "Jenna Gill", "GE": "Gareth Ellis", "DB": "Danny Birch", "TS": "Tom Sutton",
              "DMC": "Dana McCabe", "NP": "Nadia Patel"},
             "2021-06-08: the home page showed JSON after a release (a merge the day before); no alert fired",
             team="wc-experience", channels=("wc-digital-platform", "wc-experience-builds"),
             toml_people={"Dana McCabe": ("Dana McCabe", "DMc")})
    c.on("2021-06-07")
    c.pr(6583, "Cardigan: new card and promo components", "DMC", "18.21", kw=["6583"],
         line="18.21 This PR with the issue went in https://github.com/wellcomecollection/wellcomecollection.org/pull/6583")
    c.pr(6571, "Bump prismic-dom from 2.2.4 to 2.2.5", "app/dependabot", "11.02", merged_by="GE")
    c.on("2021-06-08")
    text = c.bot("14.44", "experience-deploy-prod build #110 passed (main): "
                 "https://buildkite.com/wellcomecollection/experience-deploy-prod/builds/110",
                 ch="wc-experience-builds", username="Buildkite", bot_id="B01BUILDK01")
    c.expect("14.44", None, "change", ["builds/110", "build #110"],
             "14.44 https://buildkite.com/wellcomecollection/experience-deploy-prod/builds/110 build",
             records=[("buildkite post", text)])
    parent = c.msg("15.38", "TS", "is the home page borked? It's showing lots of json", kw=["json", "borked"],
                   actor=None, line="15.38 Tom Scott reported home page borked. It was showing lots of json")
    c.msg("15.40", "JG", "experience devs, can someone look at what's been released? I'll look at rolling back",
          kw=["released", "rolling back"])
    c.msg("15.41", "GE", "I released but quite a few things went out", kw=["quite a few"])
    c.msg("15.42", "JG", "any chance to roll back as stage has the same problem", kw=["roll back", "stage"])
    c.msg("15.43", "DB", "might it be because I've just republished On Happiness?", kw=["on happiness"], actor=None,
          sec=5, line="15.43 Danny Birchall suggested it might be because he'd republished On Happiness")
    c.msg("15.43", "JG", "On Happiness is fine, it's not that", kw=["on happiness"], opt=True, sec=50,
          why="JG's reply inside the 15.43 line ('JG confirmed it was fine')")
    c.msg("15.44", "GE", "rolling back", kw=["rolling back"])
    c.msg("15.45", "JG", "rolling back", kw=["rolling back"])
    c.msg("15.49", "DB", "/stories page also broken", kw=["stories"])
    c.msg("15.51", "GE", "it's good on preview, clearing cache and live should be good too", kw=["preview"])
    c.msg("15.52", "JG", f"putting in this fix for the bug {HOME_JSON}6596", kw=["fix"])
    c.msg("15.55", "JG", "cleared cache for /stories", kw=["cache"])
    c.msg("15.56", "JG", "we've rolled back and are working on a fix", kw=["working on a fix"], ch="wc-digital-platform")
    c.msg("16.16", "JG", "TL;DR\nWe released a bug\nWe rolled back quickly\nThere's a PR in waiting for tests to pass",
          kw=["tl;dr"], ch="wc-digital-platform")
    c.pr(6596, "Remove the JSON.stringify debug output from the card components", "JG", "09.59", date="2021-06-09",
         kw=["6596"], opt=True, why="'PR released 9:59' on 9 June, untimed in the retro's form")
    c.pr(6598, "QA script: scroll through the top-level pages after a deploy", "GE")
    return c, {"first": ("2021-06-08", "15.38"), "last": ("2021-06-08", "16.16"), "parent": parent,
               "quiet_people": ["JG", "GE", "DB", "NP"]}


UPDOWN_2021 = ["Front End Works Search (Origin)", "Works API Single Work", "Works API Search",
               "Images API Single Image", "Images API Search", "Front End Single Work Page (Origin)",
               "Front End Single Work Page (Cached)", "Front End Works Search (Cached)", "Wellcome Images Redirect"]


def search_not_available_2021_07():
    c = Case("2021-07-27-search-not-available", "2021-07-27_search-not-available.md", "2021-07-27", "2021-07-27",
             {"JP": "Jamie Parker", "JG": "Jonah Grant", "RK": "Robert Kenny", "NP": "Nadia Patel"},
             "2021-07-27: search down after a user script rotated the Elastic passwords; a storm of updown alerts",
             team="wc-platform")
    c.on("2021-07-27")
    c.updown("14.37", UPDOWN_2021, kw=["alert down"], line="14.37 Updown alert DOWN for: (nine checks)")
    for name in UPDOWN_2021:
        c.group(name, "14.37", "14.37", 1, last_clear="14.44")
    parent = c.msg("14.37", "JP", "does anyone know what's going on?", kw=["going on"], opt=True, sec=40,
                   why="JP asked if anyone knew what was going on (untimed)")
    c.msg("14.37", "JG", "I just ran the user script", kw=["user script"], opt=True, sec=52, why="JG: I just ran the user script")
    c.msg("14.38", "RK", "which one?", kw=["which one"], opt=True, sec=4, why="RK: which one?")
    c.msg("14.38", "JG", "Does that update existing users\n./scripts/create_elastic_users_catalogue.py\n"
          "https://github.com/wellcomecollection/catalogue-api/blob/main/terraform/shared/scripts/create_elastic_users_catalogue.py",
          kw=["existing users"], actor=None, sec=30, line="14:38 Does that update existing users")
    c.msg("14.39", "JP", "it does; it's an elastic auth error\n`Sending HTTP 500 from ElasticsearchErrorHandler$ "
          "(Unknown error; ElasticError(security_exception,unable to authenticate user [search] for REST request`",
          kw=["elastic auth error"], sec=12)
    c.msg("14.39", "RK", "cycling the api services will cause them to come back with the new secrets?",
          kw=["cycling"], opt=True, sec=48, why="RK: cycling the api services … (untimed)")
    c.msg("14.40", "JG", "That should work\nOr we can try update the passowrd, but I am not sure where from.\n"
          "Happy to unless someone else is doing it>?", kw=["should work"])
    c.msg("14.43", "RK", "the logs look ok\nhave to wait for the new tasks to register", kw=["logs look ok"], sec=10)
    c.msg("14.43", "JP", "I think we need to wait for the target groups to become healthy, no?", kw=["target groups"],
          opt=True, sec=45, why="JP: … target groups … (untimed)")
    inv = c.statuspage("14.44", "Investigating", "Searching the catalogue on wellcomecollection.org is not available. "
                       "We are investigating.", "Search is not available", kw=["statuspage", "status page"],
                       line="14.44 Statuspage alert sent")
    c.updown("14.44", UPDOWN_2021, up=True, minutes=7, kw=["alert up"], line="14.44 Updown alert UP for: (nine checks)")
    c.msg("14.45", "RK", "did the same for items and staging", kw=["items and staging"], opt=True,
          why="'14: 45 RK did the same …' (the scorer reads '14: 45' as no time)")
    c.msg("14.46", "JG", "Do we know why stage-search is still 3?", kw=["stage-search"], sec=9)
    c.msg("14.46", "RK", "because it never got scaled back down?", kw=["scaled back"], opt=True, sec=40,
          why="RK: because it never got scaled back down? (untimed)")
    c.statuspage("14.47", "Resolved", "This incident has been resolved.", "Search is not available",
                 kw=["resolved", "status page"], line="14.47 Statuspage alert sent - issue resolved", earlier=[inv])
    c.msg("14.47", "RK", "related discussion: https://wellcome.slack.com/archives/C3TQSF63C/p1625487082309500\n"
          "> I'm very tempted to remove the terraform script provisioner for the catalogue-api work, as I think there "
          "are some situations where it is dangerous.\nthat script should prevent you from dropping the old passwords "
          "if they exist, or at least prompt you.", kw=["related discussion", "very tempted"], opt=True, sec=55,
          why="RK: related discussion … (untimed, with the quote)")
    return c, {"first": ("2021-07-27", "14.37"), "last": ("2021-07-27", "14.47"), "parent": parent}


UPDOWN_2024 = ["What’s on", "Exhibition", "Concept"]
CF_ALARM = "cloudfront-wellcomecollection-org-5xx-alarm"
CF_DESC = "CloudFront 5xx error rate for wellcomecollection.org"


def search_not_available_2024_02():
    c = Case("2024-02-26-search-not-available", "2024-02-26_search_not_available.md", "2024-02-25", "2024-02-26",
             {"RK": "Robert Kenny", "DM": "Dan Morris", "NP": "Nadia Patel", "JC": "Jess Clarke"},
             "2024-02-25/26: search errors overnight after bot traffic; updown flaps the evening before and a "
             "storm of CloudFront 5xx alarms (CloudWatch alarm history)", team="wc-platform")
    import datetime as dt
    c.on("2024-02-25")
    c.updown("17.11", UPDOWN_2024, kw=["alert down"], line="17.11 Updown alert down: What’s on, Exhibition, Concept")
    c.updown("17.12", UPDOWN_2024, up=True, minutes=1, kw=["up:"], line="17.12 Up: What’s on, Exhibition, Concept")
    c.updown("22.09", ["What’s on"], kw=["alert down"], line="22.09 Updown alert down: What’s on")
    c.updown("22.10", ["What’s on"], up=True, minutes=1, kw=["up:"], opt=True, why="'Up: What’s on' (untimed)")
    for name in UPDOWN_2024:
        c.group(name, "17.11", "17.11", 1, last_clear="17.12")
    c.group("What’s on", "22.09", "22.09", 1)
    # CloudFront 5xx alarm: flaps in the evening, then a storm from 01.31 until the task is killed at 09.07
    firings = [("2024-02-25", 22, 8), ("2024-02-25", 22, 15), ("2024-02-25", 22, 23)]
    t = dt.datetime(2024, 2, 26, 1, 31)
    while t.hour * 60 + t.minute <= 9 * 60 + 5:
        firings.append(("2024-02-26", t.hour, t.minute))
        t += dt.timedelta(minutes=7)
    for k, (date, h, m) in enumerate(firings):
        when = c.local("%02d.%02d" % (h, m), 11, date)
        c.alarm(when, CF_ALARM, "ALARM", 9.0 + k % 7, CF_DESC)
        c.alarm(when + dt.timedelta(minutes=3, seconds=1), CF_ALARM, "OK", 1.0, CF_DESC)
    c.expect("22.08", None, "alert", ["5xx"], "", optional=True, date="2024-02-25",
             why="'plus numerous CloudFront 5xx errors detected' (untimed): the evening firings, collapsed",
             records=[("alarm", CF_ALARM)])
    c.expect("01.31", None, "alert", ["5xx"], "", optional=True, date="2024-02-26",
             why="the overnight CloudFront 5xx storm, collapsed into one line (the retro names it untimed)",
             records=[("alarm", CF_ALARM)])
    c.on("2024-02-26")
    parent = c.msg("08.48", "RK", "Getting 50x for the collection search, and there are lots of errors in the alerts "
                   "channel.", kw=["50x"])
    c.msg("08.49", "DM", "same here, search gives me a 502", kw=["502"], opt=True, why="[confirmed by DM and NP]",
          thread=parent)
    c.msg("08.50", "NP", "I'm getting the error page too", kw=["error page"], opt=True, tol=2,
          why="[confirmed by DM and NP]", thread=parent)
    c.msg("08.51", "RK", "Lots of load on the api this morning. These are log events only, so that might just be the "
          "errors edit: it is - not especially high load - just a lot of errors starting around 1am.",
          kw=["lots of load"])
    c.msg("08.59", "RK", "Lots of errors all look like they are coming from the same container id: "
          "`58877c4d38434478a490e29e745f360b`. I'm going to kill the bad task and see if that clear things up\n"
          "A bit suspicious that the task that all the errors are coming from is 4 days old and the other 7 hours old.",
          kw=["58877c4d38434478a490e29e745f360b"])
    c.msg("09.03", "RK", "Also worth repeating that bytespider traffic is back somehow. This is a search for the "
          "user-agent across all services but the logs are all from frontend-prod", kw=["bytespider"])
    c.msg("09.07", "RK", "I killed the task that was throwing errors and it looks like that may have resolved the problem",
          kw=["killed the task"], sec=5)
    c.msg("09.07", "NP", "no errors when searching now", kw=["no errors"], opt=True, sec=40, alt=["JC"],
          why="NP/JC confirm no errors when searching (untimed)")
    c.msg("09.08", "JC", "same, no errors for me either", kw=["no errors"], opt=True, sec=5, alt=["NP"],
          why="NP/JC confirm no errors when searching (untimed)")
    c.msg("09.08", "RK", "Events from the search-api service, you can see 2 of the 3 tasks throwing errors duck at "
          "about 1 am to be replaced by healthy tasks, and me killing the last one just one.", kw=["search-api"], sec=30)
    c.msg("09.10", "RK", "Working hypothesis is that high load caused the search service to get into a bad state, and "
          "our health-checks are not good enough to recognise that this last task needed booting (though I suspect "
          "recent changes made them better).", kw=["working hypothesis"])
    c.msg("09.17", "RK", "To recap - over the weekend there were updown notifications at ~5pm and 10pm (see the alerts "
          "channel) yesterday that are in line with the increased traffic from the bytespider bot.\nThen from "
          "approximately 1:30am we start seeing errors in the search API.\nAnd at about 2am 2/3 of the tasks associated "
          "with the search service restarted.", kw=["to recap"])
    c.msg("09.26", "RK", "Digging into the errors on the troubled task\n```com.sksamuel.elastic4s.http."
          "JavaClientExceptionWrapper: java.util.concurrent.CancellationException: Request execution cancelled```\n"
          "looks like an issue talking to ES", kw=["troubled task"])
    return c, {"first": ("2024-02-25", "17.11"), "last": ("2024-02-26", "09.26"), "parent": parent}


def date_picker():
    c = Case("2022-08-08-date-picker", "2022-08-09_date-picker.md", "2022-08-08", "2022-08-08",
             {"AC": "Alex Chambers", "DMC": "Dana McCabe", "NP": "Nadia Patel", "JP": "Jamie Parker"},
             "2022-08-08: the request date picker vanished after a toggle was removed; reported by e-mail, no alert",
             team="wc-experience", toml_people={"Dana McCabe": ("Dana McCabe", "DMC"),
                                                "reader.services@wellcome.example.org": ("Reader Services", "RS")})
    c.on("2022-08-08")
    c.pr(8249, "Remove the toggle for the date picker", "DMC", "09.07", kw=["8249", "toggle"],
         line="9.07 branch merged to remove the toggle for the date picker #8249")
    c.pr(8251, "Bump next from 12.2.0 to 12.2.3", "app/dependabot", "10.31", merged_by="JP")
    c.mail("13.14", "Reader Services <reader.services@wellcome.example.org>", "digital@wellcomecollection.org",
           "Date picker for requests",
           "Hello,\n\nI just noticed that there is no drop down menu for readers to select the date for their requests "
           "at the moment. Can this be reinstated please?\n\nMany thanks,\nReader Services\n",
           kw=["drop down menu", "date picker"], line="13.14 Email to digital@wc.org: I just noticed …")
    parent = c.msg("13.17", "AC", "Email to digital@ about the missing date picker – could this be to do with the "
                   "toggle removal?", kw=["toggle removal"])
    c.msg("13.18", "DMC", "sounds like a likely candidate\nI'll take a look", kw=["likely candidate"], thread=parent)
    c.msg("13.25", "DMC", "I think possibly the result of me having merged my branch which will have automatically "
          "removed the toggle from the json, but I haven't deployed this morning so the code still bailing out if the "
          "toggle isn't present (which it won't be", kw=["merged my branch"], thread=parent)
    c.msg("13.36", "DMC", "date picker back on prod", kw=["back on prod"], actor=None, thread=parent,
          line="13.36 date picker back on prod")
    return c, {"first": ("2022-08-08", "13.14"), "last": ("2022-08-08", "13.36"), "parent": parent}


CASES = [home_page_with_json, search_not_available_2021_07, search_not_available_2024_02, date_picker]
