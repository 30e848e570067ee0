import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { BottomSheet } from '../../components/bottom-sheet';
import { FormField } from '../../components/form-field';
import { SheetError, SheetForm } from '../../components/sheet-form';
import { useSubmit } from '../../hooks/use-submit';
import { toastResult } from '../../utils/toast';
import { TaskLine, type TaskView, type TopicView } from '../topic-card';

/** 后续任务: who does what by when; the owner marks theirs done with a note. */
export function TasksSection({ topic: t, onChanged }: { topic: TopicView; onChanged: (t: TopicView) => void }) {
  const [finishing, setFinishing] = useState<TaskView | null>(null);
  return (
    <View className="card council-section">
      <Text className="council-section__label">后续任务</Text>
      {t.tasks.map((task) => (
        <TaskLine key={task.id} task={task}>
          {task.mine && task.status === 'open' && (
            <View className="council-section__actions">
              <ActionButton size="inline" onClick={() => setFinishing(task)}>
                标记完成
              </ActionButton>
            </View>
          )}
        </TaskLine>
      ))}
      {finishing && (
        <FinishSheet
          topicId={t.id}
          task={finishing}
          onClose={() => setFinishing(null)}
          onDone={(next) => {
            setFinishing(null);
            onChanged(next);
          }}
        />
      )}
    </View>
  );
}

function FinishSheet({ topicId, task, onClose, onDone }: { topicId: string; task: TaskView; onClose: () => void; onDone: (t: TopicView) => void }) {
  const finish = useSubmit('council.finishTask');
  const [note, setNote] = useState('');
  async function onSubmit() {
    const reply = await finish.submit({ topicId, taskId: task.id, note });
    if (reply?.ok) {
      toastResult({ ok: true, text: '已标记完成' });
      onDone(reply.data.topic);
    }
  }
  return (
    <BottomSheet
      title="标记任务完成"
      hint={`「${task.title}」完成后，居民和三方都能在议题页看到完成说明。`}
      onClose={onClose}
      footer={
        <>
          <SheetError text={finish.fieldErrors.note ? null : finish.failure?.message} />
          <ActionButton busy={finish.submitting} onClick={() => void onSubmit()}>
            确认完成
          </ActionButton>
        </>
      }
    >
      <SheetForm>
        <FormField label="完成说明" error={finish.fieldErrors.note}>
          <Textarea
            className="sheet-form__textarea"
            value={note}
            maxlength={200}
            placeholder="例如：60 个车位已重新划线，并设置了标识牌"
            placeholderClass="input-placeholder"
            onInput={(e) => setNote(e.detail.value)}
          />
        </FormField>
      </SheetForm>
    </BottomSheet>
  );
}
