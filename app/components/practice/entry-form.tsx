import { Form, Link, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "~/components/form/error-summary";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { Checkboxes, Radios, SingleCheckbox, TextInput } from "~/components/form/fields";
import { formDataResolver } from "~/components/form/form-data-resolver";
import { MonthYearInput } from "~/components/form/month-year-input";
import { WordCountedTextArea } from "~/components/form/word-counted-textarea";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { ENTRY_GROUPS, groupProgress, type EntryFormDefaults, type GroupId } from "~/lib/entry-form-values";
import type { ConflictView } from "~/lib/entry-save.server";
import { formToObject } from "~/lib/form-values";
import {
  COST_BANDS, EVALUATION_METHODS, PARTNERS, PURPOSES, RICH_TEXT_SECTIONS, SCALES, STAGES, SUMMARY_WORD_LIMIT, TARGET_GROUPS,
  type RichTextSectionKey,
} from "~/lib/practice-options";
import type { FieldErrors } from "~/lib/validation";
import { ENTRY_ARRAY_FIELDS, ENTRY_FIELD_ORDER, entryDraftSchema, entrySubmitSchema } from "~/schemas/practice-entry";
import { ConflictPanel } from "./conflict-panel";
import { FeedbackBanner, SectionComments, type RevisionFeedback } from "./section-comments";
import { describeStatus, useAutosave } from "./use-autosave";

interface Props {
  entryId: number;
  organisationName: string;
  version: number;
  defaults: EntryFormDefaults;
  tagOptions: { value: string; label: string }[];
  initialProgress: Record<GroupId, boolean>;
  lastSaved: { at: string; by: string };
  justSaved: boolean;
  serverErrors?: FieldErrors;
  serverConflict: ConflictView | null;
  /** The practice team's request for changes, while the lead revises. */
  feedback?: RevisionFeedback | null;
}

/** The optional words about cost, apart from the required cost band. */
export const COST_DETAILS_LABEL = "More about the cost (optional)";

const SECTION_GROUPS: Record<"what-you-did" | "what-happened", RichTextSectionKey[]> = {
  "what-you-did": ["problem", "aim", "response", "implementation"],
  "what-happened": ["results", "mechanism", "cost", "learning"],
};

export function EntryForm(props: Props) {
  const { entryId, defaults, serverConflict } = props;
  const f = defaults.fields;
  const str = (name: string) => (typeof f[name] === "string" ? (f[name] as string) : "");
  const list = (name: string) => (Array.isArray(f[name]) ? (f[name] as string[]) : typeof f[name] === "string" && f[name] ? [f[name] as string] : []);
  const checked = (name: string) => f[name] === "on" || f[name] === "true";

  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [jsReady, setJsReady] = useState(false);
  const [conflict, setConflict] = useState<ConflictView | null>(serverConflict);
  const [autosaveErrors, setAutosaveErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState(props.initialProgress);
  // The version saves are based on. Rendered as a controlled value: with
  // defaultValue, React resets a hidden input to its first value on every
  // re-render, so the next save would be based on the old version.
  const [baseVersion, setBaseVersion] = useState(props.version);
  const progressTimer = useRef<ReturnType<typeof setTimeout>>();

  const schemaRef = useRef<typeof entrySubmitSchema>(entrySubmitSchema);
  const form = useForm({
    resolver: formDataResolver(() => formRef.current, () => schemaRef.current, ENTRY_ARRAY_FIELDS),
    shouldFocusError: false,
  });

  const focusConflict = useRef(false);
  const autosave = useAutosave({
    entryId,
    formRef,
    onConflict: (c) => {
      focusConflict.current = true;
      setConflict(c);
    },
    onInvalid: setAutosaveErrors,
    onVersion: setBaseVersion,
  });

  useEffect(() => setJsReady(true), []);
  useEffect(() => setConflict(serverConflict), [serverConflict]);
  // Focus moves to the panel once it is on the page (after React has drawn it,
  // which under load can be later than the next animation frame).
  useEffect(() => {
    if (!conflict || !focusConflict.current) return;
    focusConflict.current = false;
    document.getElementById("conflict")?.focus();
  }, [conflict]);

  // Server errors stand until the person submits again (as in useSchemaForm).
  const [serverErrorsStale, setServerErrorsStale] = useState(false);
  useEffect(() => setServerErrorsStale(false), [props.serverErrors]);
  const clientErrors: FieldErrors = {};
  for (const [key, value] of Object.entries(form.formState.errors)) {
    if (typeof value?.message === "string") clientErrors[key] = value.message;
  }
  const summaryErrors = serverErrorsStale ? clientErrors : { ...(props.serverErrors ?? {}), ...clientErrors };
  const errors = { ...autosaveErrors, ...summaryErrors };

  const onChange = useCallback(() => {
    autosave.markChanged();
    clearTimeout(progressTimer.current);
    progressTimer.current = setTimeout(() => {
      if (!formRef.current) return;
      const parsed = entryDraftSchema.safeParse(formToObject(new FormData(formRef.current), ENTRY_ARRAY_FIELDS));
      if (parsed.success) setProgress(groupProgress(parsed.data));
    }, 800);
  }, [autosave]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    setServerErrorsStale(true);
    if (submitter?.value !== "submit") {
      // Saving needs no navigation when JavaScript runs: the autosave path
      // saves now and reports in the status line.
      event.preventDefault();
      setAutosaveErrors({});
      void autosave.saveNow();
      return;
    }
    schemaRef.current = entrySubmitSchema;
    void form.handleSubmit(async () => {
      // A save in flight would make this submission's version out of date.
      await autosave.whenIdle();
      autosave.allowLeaving();
      submit(submitter, { method: "post" });
    })(event);
  }

  const complete = ENTRY_GROUPS.filter((g) => progress[g.id]).length;
  const statusText = describeStatus(autosave.status);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors} order={["form", ...ENTRY_FIELD_ORDER]} />
        {conflict ? (
          <ConflictPanel
            conflict={conflict}
            onKeepMine={
              jsReady
                ? () => {
                    const version = conflict.version;
                    setConflict(null);
                    autosave.keepMine(version);
                  }
                : undefined
            }
            onUseTheirs={
              jsReady
                ? () => {
                    autosave.allowLeaving();
                    window.location.reload();
                  }
                : undefined
            }
          />
        ) : null}
        {props.justSaved && !conflict ? (
          <NotificationBanner id="saved" title="Success" heading="Your draft has been saved." success role="status" />
        ) : null}
        {props.feedback ? <FeedbackBanner feedback={props.feedback} /> : null}
        <span className="govuk-caption-l">{props.organisationName}</span>
        <h1 className="govuk-heading-xl">Write up an initiative</h1>

        <p className="govuk-body app-save-status" role="status" aria-live="polite" data-testid="save-status">
          {statusText || `Last saved ${props.lastSaved.at} by ${props.lastSaved.by}`}
        </p>

        <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
          Progress: {complete} of {ENTRY_GROUPS.length} sections complete
        </h2>
        <ul className="app-progress govuk-body-s" aria-label="Sections">
          {ENTRY_GROUPS.map((g) => (
            <li key={g.id}>
              <a className="govuk-link" href={`#group-${g.id}`}>
                {g.title}
              </a>
              <strong className={`govuk-tag ${progress[g.id] ? "govuk-tag--green" : "govuk-tag--grey"}`}>
                {progress[g.id] ? "Complete" : "Incomplete"}
              </strong>
            </li>
          ))}
        </ul>

        <Form
          method="post"
          noValidate
          ref={formRef}
          onSubmit={onSubmit}
          onInput={onChange}
          onChange={onChange}
          aria-label="Practice entry"
        >
          <input type="hidden" name="version" value={conflict && !jsReady ? conflict.version : baseVersion} />
          <input type="hidden" name="richTextFormat" value={jsReady ? "json" : "text"} />

          <section className="app-entry-form__group" aria-labelledby="group-about">
            <h2 className="govuk-heading-l" id="group-about" tabIndex={-1}>
              1. About the initiative
            </h2>
            <SectionComments id="title" label="Title" comments={props.feedback?.bySection.title} />
            <TextInput name="title" label="Title" labelClass="govuk-label govuk-label--s" hint="A short name others will recognise, for example 'Operation Concur: cutting youth anti-social behaviour in Basingstoke'" defaultValue={str("title")} error={errors.title} maxLength={150} />
            <SectionComments id="summary" label="Summary" comments={props.feedback?.bySection.summary} />
            <WordCountedTextArea name="summary" label="Summary" hint="One paragraph: the problem, what you did and what happened." defaultValue={str("summary")} error={errors.summary} maxWords={SUMMARY_WORD_LIMIT} />
            <TextInput name="unit" label="Unit or neighbourhood" labelClass="govuk-label govuk-label--s" hint="For example, Brighton city centre neighbourhood team" defaultValue={str("unit")} error={errors.unit} maxLength={150} />
            <TextInput name="contactName" label="Contact name" labelClass="govuk-label govuk-label--s" defaultValue={str("contactName")} error={errors.contactName} autoComplete="off" maxLength={100} />
            <TextInput name="contactRole" label="Contact role" labelClass="govuk-label govuk-label--s" hint="For example, Neighbourhood Inspector" defaultValue={str("contactRole")} error={errors.contactRole} maxLength={100} />
            <TextInput name="contactEmail" label="Contact work email address" labelClass="govuk-label govuk-label--s" type="email" spellCheck={false} defaultValue={str("contactEmail")} error={errors.contactEmail} maxLength={254} />
          </section>

          <section className="app-entry-form__group" aria-labelledby="group-classification">
            <h2 className="govuk-heading-l" id="group-classification" tabIndex={-1}>
              2. What it is
            </h2>
            <Radios name="purpose" label="Main purpose" options={[...PURPOSES]} defaultValue={str("purpose")} error={errors.purpose} />
            <Checkboxes name="tagIds" label="Topics" hint="Select all that apply. Reviewers may adjust these." options={props.tagOptions} defaultValue={list("tagIds")} error={errors.tagIds} small />
            <Checkboxes name="targetGroups" label="Who it was aimed at" hint="Select all that apply." options={[...TARGET_GROUPS]} defaultValue={list("targetGroups")} error={errors.targetGroups} small />
            <Checkboxes name="partners" label="Partners you worked with" hint="Select all that apply, if any." options={[...PARTNERS]} defaultValue={list("partners")} error={errors.partners} small />
            <Radios name="scale" label="Scale" options={[...SCALES]} defaultValue={str("scale")} error={errors.scale} small />
            <MonthYearInput prefix="start" legend="When did it start?" hint="For example, 3 2025" month={str("startMonth")} year={str("startYear")} error={errors.startMonth ?? errors.startYear} />
            <MonthYearInput prefix="end" legend="When did it end?" hint="Leave blank and select 'It is still running' if it has not ended." month={str("endMonth")} year={str("endYear")} error={errors.endMonth ?? errors.endYear} />
            <SingleCheckbox name="ongoing" label="It is still running" defaultChecked={checked("ongoing")} error={errors.ongoing} />
            <Radios name="stage" label="Stage it has reached" options={[...STAGES]} defaultValue={str("stage")} error={errors.stage} />
          </section>

          {(["what-you-did", "what-happened"] as const).map((groupId, i) => (
            <section key={groupId} className="app-entry-form__group" aria-labelledby={`group-${groupId}`}>
              <h2 className="govuk-heading-l" id={`group-${groupId}`} tabIndex={-1}>
                {i + 3}. {ENTRY_GROUPS.find((g) => g.id === groupId)!.title}
              </h2>
              {SECTION_GROUPS[groupId].map((key) => {
                const section = RICH_TEXT_SECTIONS.find((s) => s.key === key)!;
                return (
                  <div key={key}>
                    {/* The band is required and the words about it are not, so the band comes first, under its own label. */}
                    {key === "cost" ? (
                      <Radios name="costBand" label="Cost band" hint="Roughly what it cost beyond normal staff time. Choose 'Not known' if you cannot say." options={[...COST_BANDS]} defaultValue={str("costBand")} error={errors.costBand} small />
                    ) : null}
                    <SectionComments id={key} label={section.label} comments={props.feedback?.bySection[key]} />
                    <RichTextEditor
                      name={key}
                      label={key === "cost" ? COST_DETAILS_LABEL : section.required ? section.label : `${section.label} (optional)`}
                      hint={section.hint}
                      error={errors[key]}
                      defaultValue={defaults.docs[key]}
                      onChange={onChange}
                    />
                  </div>
                );
              })}
            </section>
          ))}

          <section className="app-entry-form__group" aria-labelledby="group-declaration">
            <h2 className="govuk-heading-l" id="group-declaration" tabIndex={-1}>
              5. Evaluation and declaration
            </h2>
            <Radios name="evaluationMethod" label="How did you evaluate it?" options={[...EVALUATION_METHODS]} defaultValue={str("evaluationMethod")} error={errors.evaluationMethod} />
            <h3 className="govuk-heading-s">Declaration</h3>
            <SingleCheckbox name="noSensitiveInfo" label="This entry holds no sensitive or personal information (no names of members of the public, no operational secrets)" defaultChecked={checked("noSensitiveInfo")} error={errors.noSensitiveInfo} />
            <SingleCheckbox name="permissionToPublish" label="I have permission from my organisation to publish this entry" defaultChecked={checked("permissionToPublish")} error={errors.permissionToPublish} />
          </section>

          <div className="govuk-button-group">
            <button type="submit" name="intent" value="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
              Submit for review
            </button>
            <button type="submit" name="intent" value="save" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Save draft
            </button>
            <Link
              className="govuk-link"
              to={`/submissions/${entryId}/preview`}
              onClick={async (event) => {
                // Preview shows what is saved, so unsaved changes are saved first.
                if (!autosave.isDirty()) return;
                event.preventDefault();
                await autosave.whenIdle();
                if (autosave.isDirty()) await autosave.saveNow();
                if (!autosave.isDirty()) navigate(`/submissions/${entryId}/preview`);
              }}
            >
              Preview
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
