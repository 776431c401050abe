// Admins: who handles what. Each agent's level (trainee, agent, expert) and skills (the topics
// they take; "all topics" = no list), and each topic's difficulty: routing gives simple topics
// to trainees first and complex ones to experts (server/routing/). Saved one row at a time.
import { useEffect, useState } from 'preact/hooks';
import type { AgentLevel, AgentListItem, SiteTopic } from '../../../protocol/types.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { Dialog } from './dialog.js';

const LEVELS: AgentLevel[] = ['trainee', 'agent', 'expert'];

interface Props {
  topics: SiteTopic[];
  commands: ConsoleCommands;
  onClose(): void;
}

export function SkillsDialog({ topics, commands, onClose }: Props) {
  const [agents, setAgents] = useState<AgentListItem[] | null>(null);
  useEffect(() => {
    void commands.agents().then((r) => setAgents(r ? r.agents : []));
  }, [commands]);

  return (
    <Dialog title="Skills and topics" bulle="skills-dialog" onCancel={onClose} wide>
      <h3 class="ctx__title">Topics</h3>
      {topics.length === 0 ? (
        <p class="panel__empty">This site has no topics: chats are routed by language alone.</p>
      ) : (
        <ul class="skills__topics">
          {topics.map((t) => (
            <li key={t.id} data-bulle="skills-topic" data-topic={t.id}>
              <label>
                {t.id}{' '}
                <select
                  aria-label={`Difficulty of ${t.id}`}
                  value={t.difficulty}
                  onChange={(e) => void commands.setTopicDifficulty({ topic: t.id, difficulty: e.currentTarget.value as SiteTopic['difficulty'] })}
                >
                  <option value="simple">simple (trainees first)</option>
                  <option value="complex">complex (experts first)</option>
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
      <h3 class="ctx__title">Agents</h3>
      {agents === null ? (
        <p class="panel__empty">Loading the agents…</p>
      ) : (
        <ul class="skills__agents">
          {agents.map((a) => (
            <AgentRow key={a.id} agent={a} topics={topics} commands={commands} />
          ))}
        </ul>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn btn--ghost" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function AgentRow({ agent, topics, commands }: { agent: AgentListItem; topics: SiteTopic[]; commands: ConsoleCommands }) {
  const [level, setLevel] = useState<AgentLevel>(agent.level);
  const [skills, setSkills] = useState<string[] | null>(agent.skills ?? null);
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => {
    const now = skills ?? topics.map((t) => t.id);
    setSkills(now.includes(id) ? now.filter((s) => s !== id) : [...now, id]);
  };
  const save = async () => {
    setBusy(true);
    await commands.setAgentSkills({ agentId: agent.id, level, skills });
    setBusy(false);
  };
  return (
    <li class="skills__agent" data-bulle="skills-agent" data-agent={agent.id}>
      <strong>{agent.name}</strong> <span class="muted">{agent.languages.join(', ')}</span>{' '}
      <select aria-label={`Level of ${agent.name}`} value={level} onChange={(e) => setLevel(e.currentTarget.value as AgentLevel)}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <label class="chip">
        <input type="checkbox" checked={skills === null} onChange={(e) => setSkills(e.currentTarget.checked ? null : [])} /> all topics
      </label>
      {skills !== null &&
        topics.map((t) => (
          <label key={t.id} class={`chip${skills.includes(t.id) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={skills.includes(t.id)} onChange={() => toggle(t.id)} /> {t.id}
          </label>
        ))}
      <button type="button" class="btn btn--sm" data-bulle="skills-save" disabled={busy} onClick={() => void save()}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </li>
  );
}
