//! Rules about the org chart: groups own, people lead.

use std::collections::BTreeMap;

use crate::finding::{Finding, RuleId, did_you_mean, quoted};
use crate::model::Workspace;
use crate::model::id::Id;
use crate::model::objective::Objective;
use crate::model::org::{Group, GroupKind};
use crate::model::source::{Located, Span};
use crate::rules::{Context, graph};

pub fn owner_not_group(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let mut findings = Vec::new();
    for (folder, at) in &ws.group_folders {
        if ws.has_group(folder) {
            continue;
        }
        let help = owner_help(ws, folder);
        let objectives: Vec<&Objective> =
            ws.objectives.iter().filter(|o| &o.reference.group == folder).collect();
        if objectives.is_empty() {
            findings.push(Finding::new(
                RuleId::OwnerNotGroup,
                *at,
                format!("`groups/{folder}` has no `group.toml`"),
                help.clone(),
            ));
        }
        for objective in objectives {
            findings.push(Finding::new(
                RuleId::OwnerNotGroup,
                Span::whole(objective.file),
                format!("objective `{}` is owned by `{folder}`, which is not a group: `groups/{folder}` has no `group.toml`", objective.reference.id),
                help.clone(),
            ));
        }
    }
    findings
}

/// The help for objectives without a group; a person's folder gets the practice explained.
fn owner_help(ws: &Workspace, folder: &Id) -> String {
    if ws.people.contains_key(folder) {
        let team = format!("{folder}-team");
        return format!(
            "`{folder}` is a person: people lead objectives and groups own them. If only `{folder}` \
             should focus on this objective, give it to a one-member team (`groups/{team}/group.toml` \
             with `lead = \"{folder}\"`) or to the group of its functional area, such as \
             `groups/marketing/`, with `lead = \"{folder}\"`; if it is their own growth, it belongs \
             in an HR or performance tool"
        );
    }
    format!(
        "create `groups/{folder}/group.toml` with `name`, `kind` and `parent`, or move its objectives to the group that owns them"
    )
}

/// Every place a person is named, with what names them.
/// Where a person is named, said when the name is unknown: built only then,
/// since a large workspace names people hundreds of thousands of times.
#[derive(Clone, Copy)]
enum Role<'a> {
    GroupLead(&'a Id),
    Member(&'a Id),
    ObjectiveLead(&'a Id),
    KeyResultLead(&'a Id),
    CheckinBy(&'a Id),
    Owner(&'a Id),
}

impl std::fmt::Display for Role<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Role::GroupLead(group) => write!(f, "lead of group `{group}`"),
            Role::Member(group) => write!(f, "member of group `{group}`"),
            Role::ObjectiveLead(objective) => write!(f, "lead of objective `{objective}`"),
            Role::KeyResultLead(kr) => write!(f, "lead of key result `{kr}`"),
            Role::CheckinBy(kr) => write!(f, "`by` of a check-in of `{kr}`"),
            Role::Owner(initiative) => write!(f, "owner of initiative `{initiative}`"),
        }
    }
}

/// A person named where the name is written.
fn named(person: &Located<Id>) -> (&Id, Span) {
    (&person.value, person.at)
}

/// Every place a person is named, in the order of the workspace: the id,
/// where it is written, and in what role.
fn person_references(ws: &Workspace) -> impl Iterator<Item = (&Id, Span, Role<'_>)> {
    let groups = ws.groups.values().flat_map(move |group| {
        let leads = group.lead.iter().map(move |lead| (named(lead), Role::GroupLead(&group.id)));
        leads
            .chain(group.members.iter().map(move |member| (named(member), Role::Member(&group.id))))
    });
    let objectives = ws.objectives.iter().flat_map(move |objective| {
        let file = objective.file;
        let lead = objective
            .lead
            .iter()
            .map(move |lead| (named(lead), Role::ObjectiveLead(&objective.reference.id)));
        let key_results = objective.key_results.iter().flat_map(move |kr| {
            let lead = kr.lead.iter().map(move |lead| (named(lead), Role::KeyResultLead(&kr.id)));
            let checkins = kr.checkins.iter().flat_map(move |checkin| {
                checkin.by.iter().map(move |by| ((&by.value, by.at(file)), Role::CheckinBy(&kr.id)))
            });
            lead.chain(checkins)
        });
        let owners = objective.initiatives.iter().flat_map(move |initiative| {
            initiative.owner.iter().map(move |owner| (named(owner), Role::Owner(&initiative.id)))
        });
        lead.chain(key_results).chain(owners)
    });
    groups.chain(objectives).map(|((id, at), role)| (id, at, role))
}

pub fn unknown_person(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let mut findings = cx.loaded(RuleId::UnknownPerson);
    for (person, at, role) in person_references(ws) {
        if ws.knows_person(person) {
            continue;
        }
        let fallback = format!(
            "add `[person.{person}]` with a `name` to `people.toml`, or name someone who is there"
        );
        findings.push(Finding::new(
            RuleId::UnknownPerson,
            at,
            format!("`{person}`, {role}, is not in `people.toml`"),
            did_you_mean(person.as_str(), ws.people.keys().map(Id::as_str), &fallback),
        ));
    }
    findings
}

pub fn lead_missing(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    ws.objectives
        .iter()
        .filter(|objective| objective.lead.is_none() && !objective.lead_written)
        .map(|objective| {
            Finding::new(
                RuleId::LeadMissing,
                objective.title.as_ref().map_or(Span::whole(objective.file), |title| title.at),
                format!("objective `{}` has no lead", objective.reference.id),
                "name the one person who keeps it on track: `lead = \"alice\"`",
            )
        })
        .collect()
}

/// The groups whose parent is each group.
fn children(ws: &Workspace) -> BTreeMap<&Id, Vec<&Id>> {
    let mut children: BTreeMap<&Id, Vec<&Id>> = BTreeMap::new();
    for group in ws.groups.values() {
        if let Some(parent) = &group.parent {
            children.entry(&parent.value).or_default().push(&group.id);
        }
    }
    children
}

/// The group a group's `parent` names, when it is one.
fn parent_of<'a>(ws: &'a Workspace, id: &Id) -> Option<&'a Id> {
    let parent = &ws.groups.get(id)?.parent.as_ref()?.value;
    ws.groups.get_key_value(parent).map(|(key, _)| key)
}

/// The groups each person is a member (or the lead) of.
fn memberships(ws: &Workspace) -> BTreeMap<&Id, Vec<&Id>> {
    let mut memberships: BTreeMap<&Id, Vec<&Id>> = BTreeMap::new();
    for group in ws.groups.values() {
        for person in group.people() {
            memberships.entry(person).or_default().push(&group.id);
        }
    }
    memberships
}

pub fn lead_outside_group(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let memberships = memberships(ws);
    let mut findings = Vec::new();
    for objective in &ws.objectives {
        let (Some(lead), Some(_)) = (&objective.lead, ws.groups.get(&objective.reference.group))
        else {
            continue;
        };
        // Someone who is nobody is already an `unknown-person` finding.
        if !ws.people.contains_key(&lead.value) {
            continue;
        }
        // A member of the group or of one below it: walking up the parents
        // of one of the lead's groups meets the objective's group.
        let group = &objective.reference.group;
        let groups = memberships.get(&lead.value).map_or(&[][..], Vec::as_slice);
        let within = groups
            .iter()
            .any(|own| graph::reaches(*own, group, ws.groups.len(), |id| parent_of(ws, id)));
        if within {
            continue;
        }
        findings.push(Finding::new(
            RuleId::LeadOutsideGroup,
            lead.at,
            format!("`{}` leads objective `{}` but is not a member of `{group}` or of a group below it", lead.value, objective.reference.id),
            format!("add `{}` to `members` in `groups/{group}/group.toml`, or choose a lead from the group", lead.value),
        ));
    }
    findings
}

pub fn group_tree(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let mut findings = cx.loaded(RuleId::GroupTree);
    findings.extend(company_count(cx));
    for group in ws.groups.values() {
        findings.extend(parent_problem(ws, group));
    }
    findings.extend(cycles(ws));
    findings
}

/// Exactly one group is the company.
fn company_count(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let companies: Vec<&Group> =
        ws.groups.values().filter(|g| g.kind() == GroupKind::Company).collect();
    match companies.as_slice() {
        [_] => Vec::new(),
        [] if ws.unreadable.org_chart || !ws.unreadable.groups.is_empty() => Vec::new(),
        [] => vec![Finding::new(
            RuleId::GroupTree,
            ws.settings_file.map(Span::whole),
            "no group is the company",
            "mark the top of the org chart with `kind = \"company\"` in its `group.toml`",
        )],
        [first, rest @ ..] => rest
            .iter()
            .map(|extra| {
                Finding::new(
                    RuleId::GroupTree,
                    extra.kind.as_ref().map_or(Span::whole(extra.file), |kind| kind.at),
                    format!("`{}` is a second company; `{}` is one already", extra.id, first.id),
                    format!("a workspace has one company at the top: make `{}` a department with `parent = \"{}\"`", extra.id, first.id),
                )
            })
            .collect(),
    }
}

fn parent_problem(ws: &Workspace, group: &Group) -> Option<Finding> {
    let is_company = group.kind() == GroupKind::Company;
    match (&group.parent, is_company) {
        (None, true) => None,
        (None, false) => Some(Finding::new(
            RuleId::GroupTree,
            Span::whole(group.file),
            format!("group `{}` has no parent", group.id),
            "every group but the company has one: add `parent = \"<group>\"`",
        )),
        (Some(parent), true) => Some(Finding::new(
            RuleId::GroupTree,
            parent.at,
            format!("`{}` is the company but has a parent", group.id),
            "the company is the top of the org chart: remove `parent`",
        )),
        (Some(parent), false) if !ws.has_group(&parent.value) => Some(Finding::new(
            RuleId::GroupTree,
            parent.at,
            format!("parent `{}` of group `{}` is not a group", parent.value, group.id),
            did_you_mean(
                parent.value.as_str(),
                ws.groups.keys().map(Id::as_str),
                "name a folder of `groups/` that has a `group.toml`",
            ),
        )),
        (Some(_), false) => None,
    }
}

/// Parent chains that come back to where they started, each reported once.
fn cycles(ws: &Workspace) -> Vec<Finding> {
    graph::cycles(ws.groups.keys(), |id| parent_of(ws, id))
        .into_iter()
        .map(|cycle| {
            let names = quoted(&cycle, " → ");
            Finding::new(
                RuleId::GroupTree,
                ws.groups[cycle[0]].parent.as_ref().map(|parent| parent.at),
                format!("the parents of {names} form a cycle"),
                "the org chart is a tree: point one of these `parent` keys at a group above them",
            )
        })
        .collect()
}

pub fn individual_objective(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let children = children(ws);
    let mut findings = Vec::new();
    for objective in &ws.objectives {
        let Some(group) = ws.groups.get(&objective.reference.group) else {
            continue;
        };
        let people = group.people();
        if people.len() != 1 || children.contains_key(&group.id) {
            continue;
        }
        let parent = group
            .parent
            .as_ref()
            .map_or("the group above".to_owned(), |p| format!("`{}`", p.value));
        findings.push(Finding::new(
            RuleId::IndividualObjective,
            objective.title.as_ref().map_or(Span::whole(objective.file), |title| title.at),
            format!(
                "objective `{}` is a real individual objective: `{}` is a one-member group (`{}`)",
                objective.reference.id, group.id, people[0]
            ),
            format!(
                "that is allowed; keep it healthy by aligning it to an objective of {parent}, reviewing it \
                 with that group, and keeping the work in initiatives; when more people should focus on \
                 it, make it an objective of their group"
            ),
        ));
    }
    findings
}
